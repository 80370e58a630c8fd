/**
 * Release dates are "YYYY-MM-DD" or, when a lab gave only the month, "YYYY-MM": a month-only
 * date is placed mid-month so it neither leads nor lags the models dated to the day.
 */
export function releaseTimeMs(isoDate: string): number {
  return Date.parse(isoDate.length === 7 ? `${isoDate}-15` : isoDate);
}
