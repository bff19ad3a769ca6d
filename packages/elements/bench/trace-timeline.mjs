// The main thread's tasks between two performance marks of a Chromium trace,
// with the idle gaps between them (issue 18: a cold first render's wall time
// is not only CPU time). Used by profile-first-render.mjs (--timeline) and
// peers.bench.mjs (PEERS_TRACE, the calendars' cold first render).

/**
 * The window from the start mark to the end mark as the main thread spent it: each top-level task
 * (offset and length in ms), its largest trace events and the source files its JS samples fall in,
 * and the gaps between tasks (the thread idle: waiting for a frame, a timer, the network, a compile
 * on another thread). `events` are the trace's events, `start` and `end` its two marks, `main` the
 * thread_name event of the page's main thread; `profile` (a V8 CPU profile of the same window) and
 * `summary` (a CpuProfileSummary, to map its code to source files) are optional.
 */
export async function printTimeline(events, start, end, main, profile, summary) {
  if (!start || !end || !main) return;
  const ms = (us) => (us / 1000).toFixed(1);
  const own = events.filter((e) => e.pid === start.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = [];
  let open;
  for (const e of own) {
    if (open && e.ts < open.ts + open.dur) {
      open.children.push(e);
      continue;
    }
    open = { ts: e.ts, dur: e.dur, name: e.name, args: e.args, children: [] };
    if (e.ts + e.dur >= start.ts && e.ts <= end.ts) tasks.push(open);
  }
  // The profile's samples, in the trace's clock (both are the browser's monotonic microseconds).
  const nodes = new Map((profile?.nodes ?? []).map((node) => [node.id, node]));
  // Each node's caller: a task's functions with their callees' time (inclusive), not only their own.
  const parents = new Map();
  for (const node of nodes.values()) for (const child of node.children ?? []) parents.set(child, node);
  const samples = [];
  let t = profile?.startTime ?? 0;
  for (let i = 0; i < (profile?.samples.length ?? 0); i++) {
    t += profile.timeDeltas[i] ?? 0;
    samples.push({ ts: t, node: nodes.get(profile.samples[i]), dur: profile.timeDeltas[i + 1] ?? 0 });
  }
  console.log(`\ntimeline, ${ms(end.ts - start.ts)} ms from data set to the frame after the first row:`);
  let last = start.ts;
  for (const task of tasks) {
    if (task.ts - last > 300) console.log(`${ms(last - start.ts).padStart(7)}  idle ${ms(task.ts - last)} ms`);
    const names = new Map();
    for (const c of task.children) if (!/^(ThreadControllerImpl|RunTask|ThreadPool|SequenceManager)/.test(c.name)) names.set(c.name, Math.max(names.get(c.name) ?? 0, 0) + c.dur);
    const files = new Map();
    const functions = new Map();
    for (const s of samples) {
      if (s.ts < task.ts || s.ts > task.ts + task.dur || s.node.callFrame.functionName === '(idle)') continue;
      const { file } = await summary.place(s.node.callFrame);
      files.set(file, (files.get(file) ?? 0) + s.dur);
      // Inclusive: every function on the sample's stack, once.
      const seen = new Set();
      for (let node = s.node; node; node = parents.get(node.id)) {
        const { name } = await summary.place(node.callFrame);
        if (seen.has(name) || name === '(root)') continue;
        seen.add(name);
        functions.set(name, (functions.get(name) ?? 0) + s.dur);
      }
    }
    const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ${ms(v)}`).join(', ');
    // The JS the task ran first (a timer's or a callback's function), as the trace names it.
    const call = task.children.find((c) => c.name === 'FunctionCall' && c.args?.data)?.args.data;
    const js = call ? ` [${call.functionName || '(anonymous)'} ${String(call.url ?? '').split('/').pop()}:${call.lineNumber ?? ''}]` : '';
    console.log(`${ms(task.ts - start.ts).padStart(7)}  task ${ms(task.dur)} ms${js}: ${top(names, 6)}`);
    if (files.size) console.log(`${''.padStart(9)}js: ${top(files, 6)}`);
    // A long task's functions with what they call (inclusive time): which step of the work it is.
    if (task.dur > 10_000 && functions.size) console.log(`${''.padStart(9)}functions (with callees): ${top(functions, 24)}`);
    last = Math.max(last, task.ts + task.dur);
  }
  if (end.ts - last > 300) console.log(`${ms(last - start.ts).padStart(7)}  idle ${ms(end.ts - last)} ms`);
}

