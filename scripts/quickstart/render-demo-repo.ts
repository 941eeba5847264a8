import { GitvirtError } from '../../controller/errors/gitvirt-error.js';

/** A hypervisor of the demo, as the testbed describes it. */
export interface DemoHost {
  name: string;
  zone: string;
  address: string;
  port: number;
  user: string;
  hostKey: string;
}

/** What the demo's VMs boot and their base image: paths on the hosts and the image's URL and sha256. */
export interface DemoGuest {
  kernel: string;
  initrd: string;
  cmdline: string;
  imageUrl: string;
  imageSha256: string;
}

/** A template used a variable nobody gave it. */
export class TemplateVariableMissingError extends GitvirtError<'TemplateVariableMissing', { template: string; variable: string }> {
  constructor(data: { template: string; variable: string }) {
    super('TemplateVariableMissing', `failed to render ${data.template}: no value for \${${data.variable}}`, data);
  }
}

/** The testbed has fewer zones than the demo needs. */
export class DemoHostsMissingError extends GitvirtError<'DemoHostsMissing', { zones: string[]; wanted: number }> {
  constructor(data: { zones: string[]; wanted: number }) {
    super('DemoHostsMissing', `failed to pick the demo hosts: the testbed has hosts in ${data.zones.length} zone(s) (${data.zones.join(', ')}), the demo needs ${data.wanted}`, data, { userError: true });
  }
}

/** Suffix of template files; the rendered file drops it. */
export const TEMPLATE_SUFFIX = '.tmpl';

/** The template rendered once per host, as `hosts/<name>.yaml`. */
export const HOST_TEMPLATE = 'hosts/host.yaml.tmpl';

/** Folders of the demo repository whose files change with each testbed (host keys, image URL). */
export const RUN_SPECIFIC_FOLDERS: readonly string[] = ['hosts/', 'images/'];

/** Number of zones (one host each) the demo places its VMs and cluster members in. */
export const DEMO_ZONES = 2;

const VARIABLE = /\$\{([A-Z0-9_]+)\}/g;

/** Replaces every `${NAME}` in `text` with its value; a name without a value is an error. */
export function renderTemplate(template: string, text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(VARIABLE, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new TemplateVariableMissingError({ template, variable: name });
    return value;
  });
}

/** The first host of each of the first DEMO_ZONES zones, in the testbed's order. */
export function pickDemoHosts<H extends DemoHost>(hosts: readonly H[]): H[] {
  const byZone = new Map<string, H>();
  for (const host of hosts) if (!byZone.has(host.zone)) byZone.set(host.zone, host);
  if (byZone.size < DEMO_ZONES) throw new DemoHostsMissingError({ zones: [...byZone.keys()], wanted: DEMO_ZONES });
  return [...byZone.values()].slice(0, DEMO_ZONES);
}

/**
 * Renders the demo repository from its templates (path → text, paths relative to the template
 * folder): the host template once per host, every other `.tmpl` file once without its suffix,
 * other files as they are. Returns path → content.
 */
export function renderDemoRepo(args: { templates: Readonly<Record<string, string>>; hosts: readonly DemoHost[]; guest: DemoGuest }): Record<string, string> {
  const { guest } = args;
  const common: Record<string, string> = {
    GUEST_KERNEL: guest.kernel,
    GUEST_INITRD: guest.initrd,
    GUEST_CMDLINE: guest.cmdline,
    IMAGE_URL: guest.imageUrl,
    IMAGE_SHA256: guest.imageSha256,
  };
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(args.templates).sort(([a], [b]) => a.localeCompare(b))) {
    if (path === HOST_TEMPLATE) {
      for (const host of args.hosts) {
        files[`hosts/${host.name}.yaml`] = renderTemplate(path, text, {
          ...common, NAME: host.name, ZONE: host.zone, ADDRESS: host.address, PORT: String(host.port), USER: host.user, HOST_KEY: host.hostKey,
        });
      }
    } else if (path.endsWith(TEMPLATE_SUFFIX)) {
      files[path.slice(0, -TEMPLATE_SUFFIX.length)] = renderTemplate(path, text, common);
    } else {
      files[path] = text;
    }
  }
  return files;
}

/** Whether a file of the demo repository is rewritten for every testbed (see RUN_SPECIFIC_FOLDERS). */
export function isRunSpecific(path: string): boolean {
  return RUN_SPECIFIC_FOLDERS.some((folder) => path.startsWith(folder));
}
