import crypto from 'node:crypto';
import path from 'node:path';
import { resolveFixturesDir } from './fixtures/fixturesDir.ts';
import type { FaultSettings } from './faults/faultSettings.ts';
import type { FaultStats } from './faults/faultInjector.ts';
import type { KubeObject } from './kube/kubeObject.ts';
import { SimulatorRuntime } from './runtime/simulatorRuntime.ts';
import { demoScenario, demoToken } from './scenarios/demo/demoScenario.ts';
import { fixturesScenario } from './scenarios/fixturesScenario.ts';
import {
  DEFAULT_SCALE,
  scaleScenario,
  type ScaleParameters,
} from './scenarios/scaleScenario.ts';
import type { Scenario } from './scenarios/scenario.ts';
import type { TokenGrant } from './server/accessControl.ts';
import { startServer } from './server/simulatorServer.ts';
import { parseGoDuration } from './time/goDuration.ts';
import { Millis } from './time/timestamps.ts';
import { validatorFor } from './validation/objectValidator.ts';
import {
  caDataOf,
  loadOrCreateCa,
  servingCertificates,
} from './tls/certificates.ts';

/** The built-in scenarios. */
export type ScenarioName = 'demo' | 'fixtures' | 'scale';

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** A built-in scenario, or a scenario built by the caller. */
  scenario: ScenarioName | Scenario;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to bind; default 127.0.0.1. */
  host?: string;
  /** Seed of every random draw; default `dr-posture`. */
  seed?: string;
  /** Simulated time the clock starts at (end of history); default now. */
  startTime?: Date | number;
  /** Clock speed: 1 real time (default), 60 an hour a minute, 0 frozen. */
  speed?: number;
  /** Fixtures directory; default `$DR_FIXTURES_DIR` or `../shared/fixtures`. */
  fixturesDir?: string;
  /** Bearer token of the admin API; default random. */
  adminToken?: string;
  /** Faults per cluster from the start. */
  faults?: Record<string, FaultSettings>;
  /** Parameters of the `scale` scenario. */
  scale?: Partial<ScaleParameters>;
  /** How long continue tokens stay valid (ms); default 5 minutes. */
  continueTokenTtlMs?: number;
  /**
   * HTTPS (the default), so that clients such as client-go and kubectl send
   * their bearer tokens; `false` serves plain HTTP.
   */
  tls?: boolean;
  /**
   * Directory that keeps the CA (`ca.crt`, `ca.key`) across restarts,
   * created on first use; without it the CA lives in memory.
   */
  caDir?: string;
  /** Interval of watch BOOKMARK events (ms); default one minute. */
  watchBookmarkIntervalMs?: number;
}

/** One simulated cluster, as a client connects to it. */
export interface SimulatedClusterInfo {
  name: string;
  /** API base URL (what a kubeconfig's `server` holds). */
  url: string;
  /** A read-only bearer token (get, list on everything). */
  token: string;
  /** Base64 PEM of the CA to trust (`caData`); absent over plain HTTP. */
  caData?: string;
}

/** A running simulator. */
export interface Simulator {
  /** Base URL of the server, e.g. `http://127.0.0.1:7100`. */
  url: string;
  /** Bearer token of the admin API. */
  adminToken: string;
  clusters: SimulatedClusterInfo[];
  /** Base64 PEM of the CA that signed the serving certificate (HTTPS only). */
  caData?: string;
  /** Where the CA certificate is kept, when `caDir` was given. */
  caFile?: string;
  /** Notes about the start-up (fixtures skipped, objects refused). */
  notices: string[];
  /** Directory CRD schemas are read from, if any (else no schema validation). */
  fixturesDir?: string;
  /** Current simulated time (brings the estate up to it first). */
  now(): Date;
  /** Moves simulated time forward by ms or a Go duration (`2h`). */
  advanceClock(by: number | string): Date;
  /** Creates or replaces an object; throws ApiError 422 when invalid. */
  apply(cluster: string, object: unknown): KubeObject;
  /** Deletes an object; throws ApiError 404 when absent. */
  remove(
    cluster: string,
    ref: { apiVersion: string; kind: string; namespace?: string; name: string },
  ): KubeObject;
  /** Replaces a cluster's faults (`{}` clears them). */
  setFaults(cluster: string, faults: FaultSettings): void;
  /** Requests and open hung requests of a cluster since its faults were set. */
  faultStats(cluster: string): FaultStats;
  /**
   * Compacts a cluster's watch history, as etcd does: a watch resuming from
   * a resourceVersion before now gets 410 Expired and must list again.
   */
  compactWatchHistory(cluster: string): void;
  /** Watch streams of a cluster open now (all resources). */
  openWatchStreams(cluster: string): number;
  /** Adds a bearer token with its own permissions. */
  grantToken(cluster: string, grant: TokenGrant): void;
  /** Objects of a type in a cluster, in list order (for assertions). */
  objects(
    cluster: string,
    apiVersion: string,
    kind: string,
  ): readonly KubeObject[];
  /** Writes by the lifecycle controllers that validation refused (a bug if any). */
  refusedWrites(): readonly {
    cluster: string;
    object: string;
    message: string;
  }[];
  stop(): Promise<void>;
}

function tokenOf(scenario: Scenario, cluster: string): string {
  const seed = scenario.clusters.find(c => c.name === cluster);
  return seed?.tokens[0]?.token ?? demoToken(cluster);
}

function buildScenario(
  options: SimulatorOptions,
  fixturesDir: string | undefined,
  seed: string,
  start: number,
): Scenario {
  if (typeof options.scenario !== 'string') {
    return options.scenario;
  }
  switch (options.scenario) {
    case 'demo':
      return demoScenario({ seed, start });
    case 'scale':
      return scaleScenario({
        seed,
        start,
        parameters: { ...DEFAULT_SCALE, ...options.scale },
      });
    case 'fixtures':
      if (!fixturesDir) {
        throw new Error(
          'the fixtures scenario needs the fixtures directory: set DR_FIXTURES_DIR or place it at ../shared/fixtures',
        );
      }
      return fixturesScenario({ fixturesDir, seed, start });
    default:
      throw new Error(`unknown scenario ${String(options.scenario)}`);
  }
}

/**
 * Starts the simulator: builds the scenario (generating its history),
 * validates every object against the CRDs when the fixtures are present, and
 * serves every cluster under `<url>/clusters/<name>`.
 */
export async function startSimulator(
  options: SimulatorOptions,
): Promise<Simulator> {
  const fixturesDir = resolveFixturesDir(options.fixturesDir);
  const seed = options.seed ?? 'dr-posture';
  const start =
    options.startTime === undefined
      ? Date.now()
      : new Date(options.startTime).getTime();
  const scenario = buildScenario(options, fixturesDir, seed, start);
  const runtime = new SimulatorRuntime({
    scenario,
    validator: validatorFor(fixturesDir),
    startTime: start,
    // A scenario served as loaded never moves.
    speed: scenario.behaviour.runsControllers ? options.speed ?? 1 : 0,
    faults: options.faults,
  });
  const notices = [...runtime.notices];
  if (!fixturesDir) {
    notices.unshift(
      'CRD schema validation skipped: no fixtures directory (set DR_FIXTURES_DIR to enable it)',
    );
  }
  const adminToken =
    options.adminToken ?? crypto.randomBytes(18).toString('base64url');
  const host = options.host ?? '127.0.0.1';
  const tls =
    options.tls === false
      ? undefined
      : await servingCertificates(await loadOrCreateCa(options.caDir), host);
  const caData = tls ? caDataOf(tls.ca) : undefined;
  const server = await startServer({
    runtime,
    host,
    port: options.port ?? 0,
    adminToken,
    continueTokenTtlMs: options.continueTokenTtlMs ?? 5 * Millis.minute,
    tls,
    watchBookmarkIntervalMs: options.watchBookmarkIntervalMs,
  });
  return {
    url: server.url,
    adminToken,
    caData,
    caFile:
      tls && options.caDir ? path.resolve(options.caDir, 'ca.crt') : undefined,
    clusters: scenario.clusters.map(c => ({
      name: c.name,
      url: `${server.url}/clusters/${c.name}`,
      token: tokenOf(scenario, c.name),
      ...(caData ? { caData } : {}),
    })),
    notices,
    fixturesDir,
    now: () => new Date(runtime.catchUp()),
    advanceClock: by =>
      new Date(
        runtime.advanceClock(typeof by === 'string' ? parseGoDuration(by) : by),
      ),
    apply: (cluster, object) => runtime.apply(cluster, object).object,
    remove: (cluster, ref) => runtime.remove(cluster, ref),
    setFaults: (cluster, faults) => {
      runtime.setFaults(cluster, faults);
    },
    faultStats: cluster => runtime.injector(cluster).stats(),
    compactWatchHistory: cluster => {
      const target = runtime.cluster(cluster);
      target.changes.compact(target.resourceVersion);
    },
    openWatchStreams: cluster => runtime.cluster(cluster).changes.subscribers,
    grantToken: (cluster, grant) => runtime.grantToken(cluster, grant),
    objects: (cluster, apiVersion, kind) => {
      runtime.catchUp();
      const target = runtime.cluster(cluster);
      const type = target
        .servedTypes()
        .find(
          t =>
            t.kind === kind &&
            (t.group ? `${t.group}/${t.version}` : t.version) === apiVersion,
        );
      return type ? target.collection(type).snapshot() : [];
    },
    refusedWrites: () => runtime.refusedWrites,
    stop: () => server.close(),
  };
}
