import type { ServiceEvent } from '@smec/schemas';
import { SHANGHAI_OFFSET_MS } from '../time/shanghai.js';
import { webUrl } from '@smec/schemas/rules';

// iCalendar (RFC 5545) files of events, written by hand: the format is small and the rules that matter (CRLF, folding
// at 75 octets without splitting a UTF-8 sequence, TEXT escaping) are easier to get right here than to configure.

const CRLF = '\r\n';
const MAX_OCTETS = 75;
export const UID_DOMAIN = 'smec.gd.gov.cn';
export const TIME_ZONE = 'Asia/Shanghai';

const TYPE_NAMES: Record<ServiceEvent['type'], string> = {
  matching: '服务对接活动',
  training: '培训',
  policyBriefing: '政策宣讲',
  expertClinic: '专家问诊',
};

// eslint-disable-next-line no-control-regex -- the control characters are what it finds
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11); the other control characters,
 * which TEXT may not hold, are dropped.
 */
export function escapeText(value: string): string {
  return value
    .replace(CONTROL_CHARACTERS, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line into lines of at most 75 octets (the continuation lines start with a space, which counts),
 * never inside a UTF-8 sequence: a Chinese character is three octets and stays whole.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** `20261205T140000` in Asia/Shanghai from an RFC 3339 instant (Shanghai has kept +08:00 without DST since 1991). */
function shanghaiLocal(dateTime: string): string {
  const local = new Date(Date.parse(dateTime) + SHANGHAI_OFFSET_MS).toISOString();
  return `${local.slice(0, 4)}${local.slice(5, 7)}${local.slice(8, 10)}T${local.slice(11, 13)}${local.slice(14, 16)}${local.slice(17, 19)}`;
}

function utcStamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export interface CalendarOptions {
  /** The calendar's name (X-WR-CALNAME), shown by calendar applications for a feed. */
  readonly name: string;
  /** Link to an event's page, if the platform has one; else the online URL, if any, is given. */
  readonly eventUrl?: (event: ServiceEvent) => string | undefined;
}

/** An event with the instant its information was last revised (its DTSTAMP, so the file is the same until then). */
export interface CalendarEntry {
  readonly event: ServiceEvent;
  readonly revisedMs: number;
}

function eventLines({ event, revisedMs }: CalendarEntry, options: CalendarOptions): string[] {
  const stamp = utcStamp(revisedMs);
  // A link the widgets would refuse to show is not passed on either, not even as text that an application linkifies.
  const onlineUrl = webUrl(event.onlineUrl);
  const description = [
    `${TYPE_NAMES[event.type]} · ${event.organizer.name}`,
    event.description,
    onlineUrl ? `线上参会 Online: ${onlineUrl}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const url = webUrl(options.eventUrl?.(event)) ?? onlineUrl;
  return [
    'BEGIN:VEVENT',
    `UID:${event.id}@${UID_DOMAIN}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;TZID=${TIME_ZONE}:${shanghaiLocal(event.startsAt)}`,
    `DTEND;TZID=${TIME_ZONE}:${shanghaiLocal(event.endsAt)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(event.venue ? [`LOCATION:${escapeText(event.venue)}`] : []),
    ...(url ? [`URL:${url}`] : []),
    `STATUS:${event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

/** A VCALENDAR of the events, CRLF line endings, folded lines. */
export function calendarOf(entries: readonly CalendarEntry[], options: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Guangdong SME Public Service Platform//smec//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    ...VTIMEZONE,
    ...entries.flatMap((entry) => eventLines(entry, options)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
