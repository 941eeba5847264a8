/**
 * Health: probes a VM's health check from its own host (guest networks are often reachable only
 * there) over the host's connection — HTTP GET or TCP connect at the VM's static IP or DHCP lease —
 * and reports `healthy`, `unhealthy` or `unknown` with a one-line reason. Never throws.
 */
export { probeFromHost, type ProbeFromHostArgs } from './probe-from-host.js';
export { probeMember, type ProbeMemberArgs } from './probe-member.js';
export { memberAddress, type MemberAddress, type MemberAddressArgs } from './member-address.js';
export { parseDomifaddr, pickAddress, type InterfaceAddress } from './parse-domifaddr.js';
export { PROBE_SCRIPT, parseProbeOutput, type ProbeOutcome } from './probe-script.js';
export { judgeProbe, describeProbe } from './judge-probe.js';
export { HEALTH_ORDER, probeOf, type HealthCheck, type HealthProbe, type HealthResult, type HealthStatus } from './health-result.js';
