/** The legal calendar (art. 30 of Ley 39/2015): pure rules over plain holiday data. */
export { calendarFileSchema, type CalendarFile, type Holiday } from './calendar/data';
export {
  CalendarDataConflict,
  LegalCalendar,
  defaultBodyMunicipality,
  defaultBodyMunicipalityIne,
  type HolidayFact,
  type HolidayLayer,
  type ProvisionalLayer,
} from './calendar/legal-calendar';
export type {
  DueDateExplanation,
  DueDateInput,
  DueDateRule,
  FiledAgainst,
  FilingExplanation,
  SkippedDay,
  Suspension,
  SuspensionApplied,
  Term,
  TermStartInput,
  TermUnit,
} from './calendar/terms';
