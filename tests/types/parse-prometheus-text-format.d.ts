// Types for parse-prometheus-text-format (the package ships none).
declare module "parse-prometheus-text-format" {
  export type PrometheusMetric = {
    labels?: Record<string, string>;
    value?: string;
    count?: string;
    sum?: string;
    buckets?: Record<string, string>;
  };
  export type PrometheusFamily = { name: string; help: string; type: string; metrics: PrometheusMetric[] };
  export default function parsePrometheusTextFormat(text: string): PrometheusFamily[];
}
