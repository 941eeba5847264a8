/**
 * The probe run on a member's host: a Perl program using only `perl-base` (Essential on Debian, so
 * present on every Debian hypervisor, unlike curl, wget or nc). Arguments: mode (`http` | `tcp`),
 * address, port, path, seconds. It prints one line: `connected`, `status <code>`,
 * `connect-failed <error>`, `timeout`, `no-response` or `bad-response <first line>`.
 */
export const PROBE_SCRIPT = [
  'use strict; use warnings; use IO::Socket::IP;',
  'my ($mode, $addr, $port, $path, $secs) = @ARGV; $| = 1;',
  '$SIG{ALRM} = sub { print "timeout\\n"; exit 3 }; alarm $secs;',
  'my $s = IO::Socket::IP->new(PeerHost => $addr, PeerPort => $port, Proto => "tcp", Timeout => $secs);',
  'unless ($s) { my $e = $@ || "$!"; $e =~ s/^IO::Socket::IP: //; $e =~ s/[^\\x20-\\x7e]+/ /g; print "connect-failed $e\\n"; exit 2 }',
  'if ($mode eq "tcp") { print "connected\\n"; exit 0 }',
  'my $h = $addr =~ /:/ ? "[$addr]" : $addr;',
  'print $s "GET $path HTTP/1.0\\r\\nHost: $h\\r\\nUser-Agent: gitvirt-health\\r\\nConnection: close\\r\\n\\r\\n";',
  'my $line = <$s>; unless (defined $line) { print "no-response\\n"; exit 4 }',
  'if ($line =~ m{^HTTP/[0-9.]+\\s+([0-9]{3})}) { print "status $1\\n"; exit 0 }',
  '$line =~ s/[^\\x20-\\x7e]+//g; print "bad-response ", substr($line, 0, 80), "\\n"; exit 4;',
].join('\n');

/** What the probe program reported. */
export type ProbeOutcome =
  | { kind: 'connected' }
  | { kind: 'status'; code: number }
  | { kind: 'connect-failed'; error: string }
  | { kind: 'timeout' }
  | { kind: 'no-response' }
  | { kind: 'bad-response'; line: string }
  | { kind: 'no-perl' }
  | { kind: 'failed'; error: string };

/** Exit code of a shell when the program does not exist. */
const NOT_FOUND = 127;

/** Reads the probe program's output line (and exit code) into an outcome. Pure. */
export function parseProbeOutput(stdout: string, stderr: string, code: number): ProbeOutcome {
  const line = stdout.trim().split('\n').pop() ?? '';
  const [word = '', ...rest] = line.split(' ');
  const text = rest.join(' ').trim();
  const status = /^[0-9]{3}$/.exec(text);
  if (word === 'connected') return { kind: 'connected' };
  if (word === 'status' && status !== null) return { kind: 'status', code: Number(text) };
  if (word === 'connect-failed') return { kind: 'connect-failed', error: text || 'connection failed' };
  if (word === 'timeout') return { kind: 'timeout' };
  if (word === 'no-response') return { kind: 'no-response' };
  if (word === 'bad-response') return { kind: 'bad-response', line: text };
  if (code === NOT_FOUND) return { kind: 'no-perl' };
  const error = stderr.trim().split('\n').pop()?.trim();
  return { kind: 'failed', error: error === undefined || error === '' ? `probe exited with code ${code}` : error.slice(0, 200) };
}
