/**
 * Names the providers accept, made from stage names (which may hold any text up to 64 characters).
 * Each provider's rule is cited; names are made unique within a file by a numeric suffix.
 */

type NameRule = {
  maxLength: number;
  /** Characters outside this class become `-` (or are dropped when `dropInvalid`). */
  allowed: RegExp;
  lowercase: boolean;
  dropInvalid: boolean;
  /** What a name must start with; a prefix is added otherwise. */
  start: RegExp;
  prefix: string;
};

function makeName(text: string, rule: NameRule): string {
  const cased = rule.lowercase ? text.toLowerCase() : text;
  let name = "";
  for (const char of cased) name += rule.allowed.test(char) ? char : rule.dropInvalid ? "" : "-";
  name = name.replace(/-+/g, "-").replace(/^[-_.]+|[-_.]+$/g, "");
  if (!rule.start.test(name)) name = `${rule.prefix}${name}`;
  return name.slice(0, rule.maxLength).replace(/[-_.]+$/g, "");
}

/** EKS managed node group names: 1–63 letters, digits, `-` and `_`, starting with a letter or digit (EKS CreateNodegroup API). */
export const EKS_NODE_GROUP: NameRule = { maxLength: 63, allowed: /[A-Za-z0-9_-]/, lowercase: false, dropInvalid: false, start: /^[A-Za-z0-9]/, prefix: "ng-" };
/** GKE node pool names: up to 40 lowercase letters, digits and `-`, starting with a letter (GKE node pool API). */
export const GKE_NODE_POOL: NameRule = { maxLength: 40, allowed: /[a-z0-9-]/, lowercase: true, dropInvalid: false, start: /^[a-z]/, prefix: "np-" };
/** AKS Linux node pool names: up to 12 lowercase letters and digits, starting with a letter (azurerm_kubernetes_cluster_node_pool `name`). */
export const AKS_NODE_POOL: NameRule = { maxLength: 12, allowed: /[a-z0-9]/, lowercase: true, dropInvalid: true, start: /^[a-z]/, prefix: "np" };
/** Kubernetes label values: up to 63 of `[A-Za-z0-9_.-]`, starting and ending alphanumeric (Kubernetes "Labels and Selectors"). */
export const LABEL_VALUE: NameRule = { maxLength: 63, allowed: /[A-Za-z0-9_.-]/, lowercase: false, dropInvalid: false, start: /^[A-Za-z0-9]/, prefix: "x" };

/**
 * A name per text under a rule, unique among those given (a clash gets `2`, `3`, … in place of its
 * last characters).
 * @example uniqueNames(["flink-sessionize", "flink-sessionize-spot"], AKS_NODE_POOL) //=> ["flinksession", "flinksessio2"]
 */
export function uniqueNames(texts: readonly string[], rule: NameRule): string[] {
  const used = new Set<string>();
  return texts.map((text) => {
    const base = makeName(text, rule) || rule.prefix.replace(/[-_.]+$/, "");
    let name = base;
    for (let n = 2; used.has(name); n += 1) name = `${base.slice(0, rule.maxLength - String(n).length)}${n}`;
    used.add(name);
    return name;
  });
}

/** One name under a rule. */
export function safeName(text: string, rule: NameRule): string {
  return uniqueNames([text], rule)[0] ?? rule.prefix;
}
