import { Schema } from "effect"

/**
 * A day, `YYYY-MM-DD`, already checked to exist on the calendar. Written this way days sort as strings, so two
 * of them compare as dates; anything a person typed is parsed into one at the edge (`--books-closed-through`).
 */
export const CalendarDate = Schema.String.pipe(Schema.pattern(/^\d{4}-\d{2}-\d{2}$/), Schema.brand("CalendarDate"))
export type CalendarDate = typeof CalendarDate.Type

/**
 * The day a normalised date or date-time falls on (see `parseSpreadsheetDate`): `2025-12-31T14:00:00` is on
 * 2025-12-31, so comparing its whole text with a day would put it after that day.
 */
export const dayOf = (normalised: string): string => normalised.slice(0, 10)

/** Whether a normalised date or date-time falls on or before `day`. */
export const isOnOrBefore = (normalised: string, day: CalendarDate): boolean => dayOf(normalised) <= day
