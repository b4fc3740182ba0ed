import {
  caseNumbers,
  expect,
  grid,
  loadedCount,
  openQueue,
  processors,
  signIn,
  test,
  searchCases,
} from './support';

test('a claim on one desk leaves "unassigned" on another desk of the department without a reload', async ({
  desk,
  secondDesk,
}) => {
  await signIn(desk.page, processors, 0);
  await signIn(secondDesk.page, processors, 1);
  for (const page of [desk.page, secondDesk.page]) await openQueue(page, /Sin asignar/);
  const before = await loadedCount(secondDesk.page, 'unassigned');
  const number = (await caseNumbers(desk.page).first().textContent()) ?? '';
  await expect(caseNumbers(secondDesk.page).filter({ hasText: number })).toHaveCount(1);

  await grid(desk.page).focus();
  await desk.page.keyboard.press('c');
  await expect(desk.page.getByText(`Se le ha asignado el expediente ${number}.`)).toBeVisible();

  // The other desk learns it from the host's event stream alone.
  await expect(caseNumbers(secondDesk.page).filter({ hasText: number })).toHaveCount(0);
  await expect(secondDesk.page.getByTestId('count-unassigned')).toHaveText(String(before - 1));
});

test('claiming a case another desk has just taken says so in the desk language and refreshes', async ({
  desk,
  secondDesk,
}) => {
  // The second desk hears no events, so its list still shows the case when it tries to claim it.
  await secondDesk.page.routeWebSocket(/\/api\/events/, (socket) => {
    const server = socket.connectToServer();
    server.onMessage(() => undefined);
  });
  await secondDesk.page.reload();
  await signIn(desk.page, processors, 0);
  await signIn(secondDesk.page, processors, 1);
  await secondDesk.page.getByRole('button', { name: 'Valencià' }).click();
  for (const page of [desk.page, secondDesk.page]) await openQueue(page, /Sin asignar|Sense assignar/);
  const number = (await caseNumbers(secondDesk.page).first().textContent()) ?? '';

  await searchCases(desk.page, number);
  await expect(caseNumbers(desk.page)).toHaveText([number]);
  await grid(desk.page).focus();
  await desk.page.keyboard.press('c');
  await expect(desk.page.getByText(`Se le ha asignado el expediente ${number}.`)).toBeVisible();

  await expect(caseNumbers(secondDesk.page).first()).toHaveText(number);
  await grid(secondDesk.page).focus();
  await secondDesk.page.keyboard.press('c');
  await expect(
    secondDesk.page.getByText(
      `Una altra persona acaba d’assignar-se l’expedient ${number}. La llista s’ha actualitzat.`,
    ),
  ).toBeVisible();
  await expect(caseNumbers(secondDesk.page).filter({ hasText: number })).toHaveCount(0);
});
