import { Task, type TaskFunction } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { SmecErrorEvent } from '../events/error-event.js';

/** A widget that loads: its `stalled-after` says when loading counts as slow. */
export interface LoadHost extends ReactiveControllerHost, HTMLElement {
  /** After how many milliseconds of loading the widget says that loading is slow; 3000 without it. */
  stalledAfter?: number;
}

export interface LoadConfig<T extends readonly unknown[], R> {
  task: TaskFunction<T, R>;
  args: () => T;
  /** What the load is called in the `smec-error` its failure fires (`products.list`); without it none is fired. */
  operation?: string;
}

/** The "loading is slow" timer of one task: started by each run, stopped when the run ends. */
class StallTimer {
  stalled = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: LoadHost) {}

  start(): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.stalled = true;
      this.host.requestUpdate();
    }, this.host.stalledAfter ?? 3000);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.stalled = false;
  }
}

/**
 * A `@lit/task` Task that knows when its loading is slow: `stalled` turns true (and the host updates) once a run has
 * taken longer than the host's `stalled-after`, and false when it ends. A failure fires `smec-error` (never for a run
 * that was aborted because a newer one started). The host reads `status`, `value` and `error` as of any Task.
 */
export class LoadTask<const T extends readonly unknown[] = readonly unknown[], const R = unknown> extends Task<T, R> {
  private readonly timer: StallTimer;

  constructor(host: LoadHost, { task, args, operation }: LoadConfig<T, R>) {
    const timer = new StallTimer(host);
    super(host, {
      args,
      task: async (values, options) => {
        timer.start();
        try {
          return await task(values, options);
        } catch (error) {
          if (operation && !options.signal.aborted) host.dispatchEvent(new SmecErrorEvent(error, operation));
          throw error;
        } finally {
          // An aborted run has been replaced by a newer one, whose timer runs now.
          if (!options.signal.aborted) timer.stop();
        }
      },
    });
    this.timer = timer;
  }

  /** The current run has taken longer than the host's `stalled-after`. */
  get stalled(): boolean {
    return this.timer.stalled;
  }

  hostDisconnected(): void {
    this.timer.stop();
  }
}
