import { AdminConsole, type AdminReply } from './admin-console.js';
import { limits } from '../core/limits.js';
import { HistoryRecorder } from '../history/history-recorder.js';
import type { AppliedFault } from '../nemesis/applied-fault.js';
import { Nemesis, type NemesisEvent } from '../nemesis/nemesis.js';
import { drawSwarm, type SwarmDraw } from '../nemesis/swarm.js';
import { World } from '../sim/world.js';
import { StoreConfig } from '../store/server/config.js';
import { FinalReader } from '../workload/final-reader.js';
import { ProcessIdAllocator } from '../workload/process-ids.js';
import { WorkloadDriver } from '../workload/workload-driver.js';
import { workloadKeyNames } from '../workload/workload-kind.js';
import { NodeSpanRecorder } from './node-spans.js';
import { RecoveryOperator } from './recovery/recovery-operator.js';
import { type PhasePlan, planPhases, FINAL_READ_ATTEMPTS_MAX } from './phase-plan.js';
import type { RunOptions } from './run-output.js';
import type { Scenario, TimedFault } from './scenario.js';
import { buildDeployment } from './topology/build-deployment.js';
import type { Deployment } from './topology/deployment.js';
import { type StartRefusalEvent, storeConfigOf } from './topology/store-process.js';

function scheduledFaultsOf(scenario: Scenario, options: RunOptions, swarmDraw: SwarmDraw | null): TimedFault[] {
  const faults = options.timelineOverride !== undefined ? [...options.timelineOverride] : [...(scenario.nemesis.timeline ?? []), ...(swarmDraw?.timeline ?? [])];
  return faults.map((fault, order) => ({ fault, order })).sort((left, right) => left.fault.atMs - right.fault.atMs || left.order - right.order).map(({ fault }) => fault);
}

/**
 * The parts of one run, built from the scenario and the seed: the world
 * (store hosts, client hosts, the final reader's host), the history
 * recorder, the workload, the nemesis and its schedule. Building draws
 * nothing from the world's streams except the swarm's.
 */
export class RunState {
  readonly world: World;
  readonly storeConfig: StoreConfig;
  readonly deployment: Deployment;
  readonly recorder = new HistoryRecorder();
  readonly processIds = new ProcessIdAllocator();
  readonly driver: WorkloadDriver;
  readonly finalReader: FinalReader | null;
  readonly nemesis: Nemesis;
  readonly swarmDraw: SwarmDraw | null;
  readonly scheduledFaults: readonly TimedFault[];
  readonly spans: NodeSpanRecorder;
  readonly plan: PhasePlan;
  readonly operator: RecoveryOperator;
  /** The control node that sends admin faults' commands; null when the timeline has none. */
  readonly adminConsole: AdminConsole | null;

  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
    options: RunOptions,
  ) {
    const latency = scenario.network?.latency;
    this.world = new World({ seed, traceEntriesKeptMax: options.keepTrace === true ? limits.traceEntriesKeptMax : 0, ...(latency === undefined ? {} : { network: { latency } }) });
    this.storeConfig = new StoreConfig(storeConfigOf(scenario.config));
    this.operator = new RecoveryOperator({ world: this.world, recovery: scenario.recovery, storeConfig: this.storeConfig });
    const powerLoss = scenario.disk?.powerLoss;
    const hostSetup = { ...(powerLoss === undefined ? {} : { disk: { powerLoss } }), onStartRefused: (event: StartRefusalEvent) => this.operator.onStartRefused(event), onTruncatedLoad: (event: StartRefusalEvent) => this.operator.onTruncatedLoad(event) };
    this.deployment = buildDeployment(this.world, scenario.topology, { config: scenario.config, port: this.storeConfig.integer('port'), readFrom: scenario.workload.readFrom ?? 'master', hostSetup });
    const route = (plan: { readonly readOnly: boolean }): ReturnType<Deployment['route']> => this.deployment.route(plan.readOnly);
    const workload = scenario.workload;
    const mix = { kind: workload.kind, keys: workload.keys, ...(workload.readFraction === undefined ? {} : { readFraction: workload.readFraction }), ...(workload.appendsPerTransaction === undefined ? {} : { appendsPerTransaction: workload.appendsPerTransaction }), ...(workload.waitReplicas === undefined ? {} : { waitReplicas: workload.waitReplicas }), ...(workload.casVia === undefined ? {} : { casVia: workload.casVia }) };
    const common = { world: this.world, recorder: this.recorder, processIds: this.processIds, opTimeoutMs: workload.opTimeoutMs, route };
    this.driver = new WorkloadDriver({ ...common, mix, clients: workload.clients, rateHz: workload.rateHz, prng: this.world.prng.fork('workload') });
    this.finalReader = scenario.phases.finalReads ? new FinalReader({ ...common, kind: workload.kind, keys: workloadKeyNames(workload.keys), attemptsMax: FINAL_READ_ATTEMPTS_MAX }) : null;
    this.plan = planPhases(scenario);
    const nemesisPrng = this.world.prng.fork('nemesis');
    const swarm = scenario.nemesis.swarm;
    this.swarmDraw = swarm !== undefined && options.timelineOverride === undefined ? drawSwarm(swarm, nemesisPrng.fork('swarm'), { faultsMs: scenario.phases.faultsMs, storeHosts: this.deployment.storeHosts }) : null;
    this.scheduledFaults = scheduledFaultsOf(scenario, options, this.swarmDraw);
    const adminConsole = this.scheduledFaults.some((timed) => timed.fault.kind === 'admin') ? new AdminConsole(this.world, this.storeConfig.integer('port'), (reply) => this.onAdminReply(reply)) : null;
    this.adminConsole = adminConsole;
    const nemesisWorld = {
      world: this.world,
      storeHosts: () => this.deployment.storeHosts,
      hostsWithRole: (role: string) => this.deployment.hostsWithRole(role),
      ...(adminConsole === null ? {} : { sendAdminCommand: (host: string, argv: readonly string[]) => adminConsole.send(host, argv) }),
    };
    this.nemesis = new Nemesis({ nemesisWorld, prng: nemesisPrng.fork('runtime'), listener: (event, fault) => this.onFault(event, fault) });
    this.spans = new NodeSpanRecorder(this.deployment);
  }

  /** An admin command's reply, kept in the history beside the fault markers (process `nemesis`). */
  private onAdminReply(reply: AdminReply): void {
    this.recorder.faultMarker({ type: 'info', f: 'admin-reply', value: { host: reply.host, command: reply.command, reply: reply.reply }, time: this.world.nowUs() });
  }

  /** Fault markers in the history (process `nemesis`), as Jepsen keeps them; checkers skip them. */
  private onFault(event: NemesisEvent, fault: AppliedFault): void {
    this.recorder.faultMarker({ type: 'info', f: `${event}-${fault.kind}`, value: { id: fault.id, target: fault.target }, time: this.world.nowUs() });
    this.operator.onFault(event, fault);
    this.spans.sample(this.world.nowUs());
  }
}
