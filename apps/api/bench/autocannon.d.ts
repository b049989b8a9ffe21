// The part of autocannon's result the bench reads (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    interface Stats {
      average: number;
      total: number;
      p50: number;
      p99: number;
      max: number;
    }
    interface Result {
      requests: Stats;
      latency: Stats;
      errors: number;
      timeouts: number;
      non2xx: number;
      statusCodeStats: Record<string, { count: number }>;
    }
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      requests?: { path: string; headers?: Record<string, string> }[];
      /** Worker threads to run the connections in (off the caller's event loop). */
      workers?: number;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
