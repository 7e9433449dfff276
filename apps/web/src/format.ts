import dayjs from 'dayjs';

/** A timestamp as officers read it: local date and minute. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}
