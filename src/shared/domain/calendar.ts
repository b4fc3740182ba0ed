/** The legal calendar (art. 30 of Ley 39/2015): pure rules over plain holiday data. */
export { calendarFileSchema, type CalendarFile, type Holiday } from './calendar/data';
export {
  CalendarDataConflict,
  LegalCalendar,
  defaultBodyMunicipality,
  defaultBodyMunicipalityIne,
  type DueDateExplanation,
  type DueDateInput,
  type DueDateRule,
  type Term,
  type TermUnit,
} from './calendar/legal-calendar';
