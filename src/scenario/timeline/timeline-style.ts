/** The page's stylesheet (inline: the page loads nothing). */
export const timelineStyle = `
:root { --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --panel: #f6f8fa; --violet: #b0006d; }
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.45 -apple-system, "Segoe UI", "Liberation Sans", Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
header { padding: 16px 24px 10px; border-bottom: 1px solid var(--line); background: var(--panel); }
h1 { font-size: 19px; margin: 0 0 4px; font-weight: 600; }
h1 .seed { color: var(--muted); font-weight: 400; }
h2 { font-size: 15px; margin: 22px 0 8px; }
.description { color: var(--muted); margin: 0 0 8px; max-width: 1100px; }
.facts { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; }
.facts span b { font-weight: 600; }
.badge { display: inline-block; padding: 1px 9px; border-radius: 10px; color: #fff; font-weight: 600; font-size: 12px; letter-spacing: .02em; }
.badge.valid { background: #1a7f37; } .badge.invalid { background: #cf222e; } .badge.unknown { background: #6e7781; }
.badge.liveness { background: #bc4c00; } .badge.crash { background: #24292f; }
.badge.met { background: #1a7f37; } .badge.not-met { background: #cf222e; }
code, pre { font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
code.command { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 1px 6px; }
main { padding: 10px 24px 40px; }
.problem { margin: 10px 0 0; padding: 8px 12px; border-left: 4px solid #cf222e; background: #fff5f5; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 10px 0; }
.toolbar button { font: inherit; padding: 2px 10px; border: 1px solid var(--line); border-radius: 5px; background: #fff; cursor: pointer; }
.toolbar button:hover { background: var(--panel); }
.legend { display: flex; flex-wrap: wrap; gap: 4px 12px; color: var(--muted); }
.legend i { display: inline-block; width: 18px; height: 9px; margin-right: 4px; vertical-align: middle; border-radius: 2px; }
.chart { display: flex; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
.chart-labels { flex: none; background: var(--panel); border-right: 1px solid var(--line); }
.chart-scroll { flex: 1; overflow-x: auto; overflow-y: hidden; }
svg text { font-size: 10.5px; fill: var(--ink); }
.section-title { font-weight: 600; font-size: 11px; fill: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.row-label { font-size: 10.5px; } .row-label.process { font-size: 9.5px; fill: var(--muted); } .muted { fill: var(--muted); }
.tick { stroke: #8c959f; } .tick-label { fill: var(--muted); font-size: 10px; text-anchor: middle; } .tick-label.first { text-anchor: start; }
.phase-label { fill: #57606a; font-size: 10.5px; font-style: italic; }
.phase-tick, .phase-line { stroke: #8c959f; stroke-dasharray: 3 3; }
.separator { stroke: #d0d7de; }
.op { stroke: rgba(0,0,0,.25); stroke-width: .5; cursor: pointer; }
.op.ok { fill: #2da44e; } .op.fail { fill: #e5534b; } .op.info { fill: #e3a008; }
.pending-op { fill: #d0d7de; stroke: #8c959f; stroke-dasharray: 2 2; }
.op.violating, .pending-op.violating { stroke: var(--violet); stroke-width: 1.8; }
.violation-mark polygon { fill: var(--violet); } .violation-mark { cursor: pointer; }
.dim .op:not(.violating), .dim .pending-op:not(.violating) { opacity: .18; }
.span rect { fill: #8c959f; } .span text { fill: #fff; font-size: 10px; }
.span.role-master rect { fill: #0969da; } .span.role-replica rect { fill: #1b7c83; } .span.role-sentinel rect { fill: #8250df; }
.span.state-paused rect { fill: #bf8700; } .span.state-dead rect, .span.state-exited rect, .span.state-none rect, .span.role-down rect { fill: #8c959f; }
.fault rect { fill-opacity: .9; } .fault text { fill: #fff; font-size: 10px; } .fault.ineffective rect { fill-opacity: .35; }
.fault-band { fill-opacity: .11; pointer-events: none; }
.kind-partition rect, rect.kind-partition { fill: #0969da; } .kind-kill rect, rect.kind-kill { fill: #cf222e; }
.kind-power-loss rect, rect.kind-power-loss { fill: #82071e; } .kind-pause rect, rect.kind-pause { fill: #8250df; }
.kind-clock-skew rect, rect.kind-clock-skew, .kind-clock-jump rect, rect.kind-clock-jump, .kind-clock-drift rect, rect.kind-clock-drift { fill: #bc4c00; }
.kind-disk rect, rect.kind-disk { fill: #6f4e37; } .kind-connection-reset rect, rect.kind-connection-reset { fill: #57606a; }
.kind-slow-link rect, rect.kind-slow-link { fill: #1b7c83; }
.flash { animation: flash 1.6s ease-out 1; }
@keyframes flash { 0%, 40% { stroke: #ffd33d; stroke-width: 6; } 100% { stroke: var(--violet); stroke-width: 2.5; } }
#tooltip { position: fixed; display: none; pointer-events: none; z-index: 10; max-width: 520px; padding: 7px 10px; border-radius: 6px;
  background: rgba(31,35,40,.95); color: #fff; font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; white-space: pre-wrap; }
table { border-collapse: collapse; margin: 4px 0 8px; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12px; }
td.value { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; max-width: 420px; overflow-wrap: anywhere; }
tr.violation-row { cursor: pointer; } tr.violation-row:hover { background: #fff8c5; }
details { margin: 6px 0; } summary { cursor: pointer; color: var(--muted); }
.note { color: var(--muted); }
`;
