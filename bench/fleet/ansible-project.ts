import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { TestbedState } from '../../test/testbed/testbed-state.js';
import type { HostArtifacts } from './fleet-artifacts.js';
import { URI } from './virsh-scripts.js';

/**
 * The playbook a team would keep: per host, the pool, the network and the volumes; every domain
 * defined from its XML with autostart (community.libvirt.virt `command: define`), a live memory
 * change where the definition changed, and every domain running. Idempotent: the same playbook
 * converges, checks and repairs.
 */
const PLAYBOOK = [{
  name: 'libvirt fleet',
  hosts: 'all',
  gather_facts: false,
  tasks: [
    { name: 'pool directory', 'ansible.builtin.file': { path: '{{ pool.pool.path }}', state: 'directory', mode: '0755' } },
    { name: 'pool defined', 'community.libvirt.virt_pool': { command: 'define', name: '{{ pool.pool.name }}', xml: '{{ pool.xml }}', uri: URI } },
    { name: 'pool active', 'community.libvirt.virt_pool': { name: '{{ pool.pool.name }}', state: 'active', uri: URI } },
    { name: 'pool autostart', 'community.libvirt.virt_pool': { name: '{{ pool.pool.name }}', autostart: true, uri: URI } },
    { name: 'networks defined', 'community.libvirt.virt_net': { command: 'define', name: '{{ item.name }}', xml: '{{ item.xml }}', uri: URI }, loop: '{{ networks }}', loop_control: { label: '{{ item.name }}' } },
    { name: 'networks active', 'community.libvirt.virt_net': { name: '{{ item.name }}', state: 'active', uri: URI }, loop: '{{ networks }}', loop_control: { label: '{{ item.name }}' } },
    { name: 'networks autostart', 'community.libvirt.virt_net': { name: '{{ item.name }}', autostart: '{{ item.autostart }}', uri: URI }, loop: '{{ networks }}', loop_control: { label: '{{ item.name }}' } },
    {
      name: 'volumes', 'ansible.builtin.command': { argv: ['qemu-img', 'create', '-q', '-f', '{{ item.format }}', '{{ item.path }}', '{{ item.capacityBytes }}'], creates: '{{ item.path }}' },
      loop: '{{ volumes }}', loop_control: { label: '{{ item.volume }}' },
    },
    {
      name: 'domains defined', 'community.libvirt.virt': { command: 'define', xml: '{{ item.xml }}', autostart: '{{ item.autostart }}', uri: URI },
      loop: '{{ domains }}', loop_control: { label: '{{ item.name }}' }, register: 'defined',
    },
    {
      name: 'memory of changed domains set live',
      'ansible.builtin.command': { argv: ['virsh', '-c', URI, 'setmem', '{{ item.item.name }}', '{{ item.item.memoryMiB * 1024 }}', '--live'] },
      loop: '{{ defined.results }}', loop_control: { label: '{{ item.item.name }}' },
      when: "item.change_reason | default('') == 'config changed'",
    },
    { name: 'domains running', 'community.libvirt.virt': { name: '{{ item.name }}', state: 'running', uri: URI }, loop: '{{ domains }}', loop_control: { label: '{{ item.name }}' } },
  ],
}];

/** Where the generated project lives and how to run it. */
export interface AnsibleProject {
  dir: string;
  /** `ansible-playbook` argv. */
  argv: string[];
  /** Environment: the project's ansible.cfg. */
  env: Record<string, string>;
}

/**
 * Writes an Ansible project for the testbed: inventory (the hosts' addresses, the testbed's key and
 * known_hosts, strict host key checking), ansible.cfg (`forks`, SSH pipelining and connection reuse
 * as a tuned setup has them), host_vars with each host's objects, and the playbook.
 */
export async function writeAnsibleProject(args: { dir: string; state: TestbedState; artifacts: readonly HostArtifacts[]; forks: number }): Promise<AnsibleProject> {
  const { dir, state } = args;
  await mkdir(join(dir, 'host_vars'), { recursive: true });
  const sshArgs = `-o UserKnownHostsFile=${state.knownHostsPath} -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes`;
  const inventory = {
    all: {
      hosts: Object.fromEntries(state.hosts.map((h) => [h.name, { ansible_host: h.address, ansible_port: h.port, ansible_user: h.user }])),
      vars: { ansible_ssh_private_key_file: state.clientKeyPath, ansible_ssh_common_args: sshArgs, ansible_python_interpreter: '/usr/bin/python3' },
    },
  };
  await writeFile(join(dir, 'inventory.yml'), stringify(inventory));
  await writeFile(join(dir, 'ansible.cfg'), [
    '[defaults]', `forks = ${args.forks}`, 'host_key_checking = True', 'retry_files_enabled = False', 'interpreter_python = /usr/bin/python3',
    'deprecation_warnings = False', 'nocows = 1', `local_tmp = ${join(dir, '.ansible-tmp')}`,
    '', '[ssh_connection]', 'pipelining = True', 'ssh_args = -o ControlMaster=auto -o ControlPersist=60s', `control_path_dir = ${join(dir, '.cp')}`, '',
  ].join('\n'));
  await writeFile(join(dir, 'playbook.yml'), stringify(PLAYBOOK));
  await writeHostVars(dir, args.artifacts);
  return {
    dir,
    argv: ['ansible-playbook', '-i', join(dir, 'inventory.yml'), join(dir, 'playbook.yml')],
    env: { ANSIBLE_CONFIG: join(dir, 'ansible.cfg'), ANSIBLE_NOCOLOR: '1', ANSIBLE_HOME: join(dir, '.ansible') },
  };
}

/** Writes each host's objects (the same XML gitvirt would define) as its host_vars; called again after a change. */
export async function writeHostVars(dir: string, artifacts: readonly HostArtifacts[]): Promise<void> {
  for (const h of artifacts) {
    await writeFile(join(dir, 'host_vars', `${h.host}.yml`), stringify({
      pool: h.pool, networks: h.networks, volumes: h.volumes,
      domains: h.domains.map((d) => ({ name: d.name, xml: d.pinnedXml, autostart: d.autostart, memoryMiB: d.memoryMiB })),
    }));
  }
}
