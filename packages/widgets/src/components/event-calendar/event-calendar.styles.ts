import { css } from 'lit';
import { blockStyles } from '../../styles/blocks.styles.js';
import { controlStyles, unavailableButtonStyles } from '../../styles/controls.styles.js';
import { dialogStyles } from '../../styles/dialog.styles.js';

export default [
  blockStyles,
  controlStyles,
  unavailableButtonStyles,
  dialogStyles,
  css`
    /* The loading skeleton's height in the list view: a month's events (styles/skeleton.styles.ts). */
    :host {
      --_skeleton-size: 30rem;
    }

    ul,
    ol {
      padding: 0;
      list-style: none;
    }

    .button {
      text-decoration: none;
    }

    .button[aria-pressed='true'] {
      border-width: 2px;
      border-color: var(--_primary);
      font-weight: 700;
    }

    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin-block-end: 0.75rem;
    }

    .month-title {
      font-size: 1.25rem;
      min-width: 8em;
    }

    .views {
      margin-inline-start: auto;
      display: flex;
      gap: 0.25rem;
    }

    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin-block-end: 0.75rem;
    }

    .filters label {
      display: grid;
      gap: 0.125rem;
      font-size: max(0.875rem, var(--_min-font));
    }

    select {
      min-height: 2.5rem;
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    .status {
      margin-block-end: 0.5rem;
      color: var(--_muted);
    }

    .error {
      display: grid;
      justify-items: start;
      gap: 0.5rem;
      padding: var(--_space);
      border: 2px solid var(--_danger);
      border-radius: var(--_radius);
      background: var(--_subtle);
      margin-block-end: 0.75rem;
    }

    .grid {
      display: grid;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow: hidden;
    }

    .week {
      display: grid;
      grid-template-columns: repeat(7, minmax(0, 1fr));
    }

    .weekday {
      padding: 0.25rem;
      text-align: center;
      font-weight: 700;
      background: var(--_subtle);
    }

    .weekday abbr {
      text-decoration: none;
    }

    .day {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      min-height: 6rem;
      padding: 0.25rem;
      border-block-start: 1px solid var(--_border);
      border-inline-start: 1px solid var(--_border);
      min-width: 0;
    }

    .week > .day:first-child {
      border-inline-start: 0;
    }

    .day-outside {
      background: var(--_subtle);
    }

    .day-number {
      font-weight: 700;
    }

    .is-today {
      box-shadow: inset 0 0 0 2px var(--_primary);
    }

    .today-badge {
      margin-inline-start: 0.25rem;
      padding: 0 0.375rem;
      border-radius: 999px;
      background: var(--_primary);
      color: var(--_on-primary);
      font-size: max(0.75rem, var(--_min-font));
      font-weight: 400;
    }

    /* Positioned, so that the chip clips its visually hidden label instead of the label widening the page. */
    .event,
    .more {
      position: relative;
      display: block;
      width: 100%;
      min-width: 0;
      /* 24 px at least, the smallest target WCAG 2.2 (2.5.8) allows. */
      min-block-size: 1.5rem;
      padding: 0.125rem 0.25rem;
      border: 1px solid var(--_border);
      border-inline-start-width: 4px;
      border-radius: 4px;
      background: var(--_subtle);
      text-align: start;
      font-size: max(0.8125rem, var(--_min-font));
      line-height: 1.35;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      cursor: pointer;
    }

    .more {
      border-inline-start-width: 1px;
      background: var(--_surface);
      font-weight: 700;
    }

    .event-time {
      font-variant-numeric: tabular-nums;
      margin-inline-end: 0.25rem;
    }

    .type-matching {
      border-inline-start-color: var(--smec-event-matching, #0b5cad);
    }
    .type-training {
      border-inline-start-color: var(--smec-event-training, #1a7f37);
    }
    .type-policyBriefing {
      border-inline-start-color: var(--smec-event-policy-briefing, #9a6700);
    }
    .type-expertClinic {
      border-inline-start-color: var(--smec-event-expert-clinic, #8250df);
    }

    .list {
      display: grid;
      gap: var(--_space);
    }

    .list-date {
      font-size: max(1rem, var(--_min-font));
      margin-block-end: 0.25rem;
    }

    .list-events {
      display: grid;
      gap: 0.375rem;
    }

    .list-event {
      display: grid;
      width: 100%;
      gap: 0.125rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-inline-start-width: 4px;
      border-radius: var(--_radius);
      background: var(--_surface);
      text-align: start;
      cursor: pointer;
    }

    .event-meta {
      color: var(--_muted);
      font-size: max(0.875rem, var(--_min-font));
    }

    .empty {
      padding: var(--_space);
      text-align: center;
    }

    .dialog-head {
      margin-block-end: 0.75rem;
    }

    .detail-title,
    .day-title {
      font-size: 1.25rem;
    }

    .facts {
      display: grid;
      gap: 0.375rem;
      margin-block: 0.75rem;
    }

    .facts > div {
      display: grid;
      grid-template-columns: 6em 1fr;
      gap: 0.5rem;
    }

    dt {
      color: var(--_muted);
    }

    .tag {
      padding: 0 0.5rem;
      border-inline-start: 4px solid;
      background: var(--_tag-bg);
    }

    .description {
      margin-block-end: 0.75rem;
      white-space: pre-line;
    }

    .registered {
      font-weight: 700;
    }

    .action-status {
      margin-block-start: 0.5rem;
    }

    .action-error .error {
      margin-block: 0.5rem 0;
      color: var(--_danger);
    }

    .day-list {
      display: grid;
      gap: 0.375rem;
    }

    a {
      color: var(--_primary);
    }
  `,
];
