// The audit's pool of worker threads (audit-worker.ts), one per core by default (--jobs): tasks are queued
// and handed to the next idle worker; each answer resolves its task's promise.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerTask } from './audit-worker.js';

type TaskBody = WorkerTask extends infer T ? (T extends WorkerTask ? Omit<T, 'id'> : never) : never;

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly workers: Worker[] = [];
  private readonly queue: { task: WorkerTask; resolve: (reply: WorkerReply) => void }[] = [];
  private readonly pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  constructor(size = availableParallelism()) {
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(new URL('./audit-worker.js', import.meta.url));
      worker.on('message', (reply: WorkerReply) => {
        const waiting = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        this.release(worker);
        waiting?.resolve(reply);
      });
      worker.on('error', (error) => {
        for (const waiting of this.pending.values()) waiting.reject(error);
        this.pending.clear();
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  run(body: TaskBody): Promise<WorkerReply> {
    const task = { ...body, id: this.nextId++ } as WorkerTask;
    return new Promise((resolve, reject) => {
      this.pending.set(task.id, { resolve, reject });
      const worker = this.idle.pop();
      if (worker) worker.postMessage(task);
      else this.queue.push({ task, resolve });
    });
  }

  private release(worker: Worker): void {
    const next = this.queue.shift();
    if (next) worker.postMessage(next.task);
    else this.idle.push(worker);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
