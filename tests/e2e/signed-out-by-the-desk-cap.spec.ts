import { randomBytes } from 'node:crypto';
import { expect, hostUrl, signIn, test } from './support';

/** The loopback host keeps 200 signed-in desks; the one used least recently is signed out. */
const deskCap = 200;

/** Signs in `count` other desks over the host's API, as 200 other tabs would. */
async function crowdTheHost(count: number): Promise<void> {
  const url = new URL(hostUrl());
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  for (let index = 0; index < count; index++) {
    const response = await fetch(`${url.origin}/api/call/session.signIn`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'x-despacho-desk': `crowd-${randomBytes(8).toString('hex')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ userId: 'urb-02' }),
    });
    expect(response.status).toBe(200);
  }
}

test('a desk signed out by the desk cap is told why on the sign-in screen and can sign in again', async ({
  desk,
}) => {
  const { page } = desk;
  await signIn(page);
  await crowdTheHost(deskCap);
  await page.getByRole('tab', { name: /Sin asignar/ }).click();
  await expect(page.getByRole('alert')).toHaveText(/se ha cerrado su sesión para dejar sitio a otras/);
  await signIn(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
