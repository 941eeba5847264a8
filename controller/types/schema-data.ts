// generated from schemas/ by scripts/generate.ts; do not edit

import type { Kind } from './resources.js';

/** A JSON Schema document as plain data (accepted by ajv `addSchema`). */
export interface JsonSchema {
  $id?: string;
  $schema?: string;
  [keyword: string]: unknown;
}

/** `$id` of the shared definitions schema. */
export const COMMON_SCHEMA_ID = "https://gitvirt.io/schemas/v1alpha1/common.json";

/** `$id` of each kind's schema; pass it to ajv `getSchema`. */
export const SCHEMA_IDS: Readonly<Record<Kind, string>> = {
  Host: "https://gitvirt.io/schemas/v1alpha1/host.json",
  Image: "https://gitvirt.io/schemas/v1alpha1/image.json",
  Network: "https://gitvirt.io/schemas/v1alpha1/network.json",
  VirtualMachine: "https://gitvirt.io/schemas/v1alpha1/virtualmachine.json",
  Cluster: "https://gitvirt.io/schemas/v1alpha1/cluster.json",
};

/** Shared definitions (names, labels, metadata, addresses, paths) referenced by every kind schema. */
export const COMMON_SCHEMA: JsonSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://gitvirt.io/schemas/v1alpha1/common.json",
  "title": "gitvirt common definitions",
  "description": "Definitions shared by every gitvirt v1alpha1 resource schema: names, labels, metadata, addresses and paths.",
  "$defs": {
    "apiVersion": {
      "description": "API version of the resource model. Always `gitvirt.io/v1alpha1`; documents with another apiVersion are skipped.",
      "type": "string",
      "const": "gitvirt.io/v1alpha1"
    },
    "dnsLabel": {
      "description": "A DNS label (RFC 1123): 1 to 63 lowercase letters, digits and `-`, starting and ending with a letter or digit. Example: `web-1`.",
      "type": "string",
      "minLength": 1,
      "maxLength": 63,
      "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
    },
    "dnsName": {
      "description": "A DNS name: dot-separated DNS labels, at most 253 characters, lowercase. Example: `lab.example.com`.",
      "type": "string",
      "minLength": 1,
      "maxLength": 253,
      "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$"
    },
    "hostAddress": {
      "description": "A host name, IPv4 address or IPv6 address (without brackets). Letters, digits, `.`, `-` and `:` only; may not start with `-`. Example: `hv1.example.com`, `192.0.2.10`.",
      "type": "string",
      "minLength": 1,
      "maxLength": 253,
      "pattern": "^([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*|[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){1,7}(:[0-9]{1,3}(\\.[0-9]{1,3}){3})?)$"
    },
    "labelKey": {
      "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
      "type": "string",
      "maxLength": 317,
      "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
    },
    "labelValue": {
      "description": "A label value: at most 63 letters, digits, `-`, `_` and `.`. Example: `ssd`.",
      "type": "string",
      "maxLength": 63,
      "pattern": "^[A-Za-z0-9._-]{0,63}$"
    },
    "labels": {
      "description": "Labels: a map of label keys to label values, used by selectors. Example: `{ disk: ssd, rack: r12 }`.",
      "type": "object",
      "propertyNames": {
        "$ref": "#/$defs/labelKey"
      },
      "additionalProperties": {
        "$ref": "#/$defs/labelValue"
      }
    },
    "annotations": {
      "description": "Annotations: a map of label keys to free-form strings (at most 4096 characters each) for tools and people; gitvirt does not interpret them.",
      "type": "object",
      "propertyNames": {
        "$ref": "#/$defs/labelKey"
      },
      "additionalProperties": {
        "type": "string",
        "maxLength": 4096
      }
    },
    "ObjectMeta": {
      "title": "ObjectMeta",
      "description": "Identity of a resource: its name (unique per kind), labels and annotations.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name"
      ],
      "properties": {
        "name": {
          "$ref": "#/$defs/dnsLabel",
          "description": "Name of the resource, unique per kind in the repository. A DNS label: 1 to 63 lowercase letters, digits and `-`, starting and ending with a letter or digit. Example: `web-1`."
        },
        "labels": {
          "$ref": "#/$defs/labels",
          "description": "Labels of the resource. On a Host they are matched by `selector` fields of VirtualMachine placement, Cluster zones, Network and Image host selections. Example: `{ disk: ssd }`."
        },
        "annotations": {
          "$ref": "#/$defs/annotations",
          "description": "Free-form notes for tools and people; gitvirt does not interpret them."
        }
      }
    },
    "selector": {
      "description": "A label selector: every listed label must be present on the host with exactly this value. Example: `{ disk: ssd }`.",
      "type": "object",
      "propertyNames": {
        "$ref": "#/$defs/labelKey"
      },
      "additionalProperties": {
        "$ref": "#/$defs/labelValue"
      }
    },
    "HostSelection": {
      "title": "HostSelection",
      "description": "Which hosts get a resource. A host is selected when it matches every given criterion (names, zones and selector are combined with AND). When omitted, every host that runs a VirtualMachine needing the resource gets it.",
      "type": "object",
      "additionalProperties": false,
      "minProperties": 1,
      "properties": {
        "names": {
          "description": "Host names (metadata.name of Host resources). Example: `[hv1, hv2]`.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/dnsLabel"
          }
        },
        "zones": {
          "description": "Zone names; hosts whose `spec.zone` is one of them. Example: `[zone-a]`.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/dnsLabel"
          }
        },
        "selector": {
          "$ref": "#/$defs/selector",
          "description": "Host labels that must all match. Example: `{ disk: ssd }`."
        }
      }
    },
    "ipv4": {
      "description": "An IPv4 address in dotted-decimal notation without leading zeros. Example: `192.168.122.10`.",
      "type": "string",
      "pattern": "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$"
    },
    "ipv4Cidr": {
      "description": "An IPv4 network in CIDR notation `a.b.c.d/nn` (prefix length 0 to 32). Example: `10.10.0.0/24`.",
      "type": "string",
      "pattern": "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])$"
    },
    "mac": {
      "description": "A unicast MAC address, six lowercase hex pairs separated by `:`. Example: `52:54:00:12:34:56`.",
      "type": "string",
      "pattern": "^[0-9a-f][02468ace](:[0-9a-f]{2}){5}$"
    },
    "absolutePath": {
      "description": "An absolute POSIX path on the host: `/`-separated segments of letters, digits, `.`, `_` and `-`; no `.` or `..` segments, no empty segments, no trailing `/`. Example: `/var/lib/libvirt/images/gitvirt`.",
      "type": "string",
      "maxLength": 4096,
      "pattern": "^(/([A-Za-z0-9_-][A-Za-z0-9._-]*|\\.[A-Za-z0-9_-][A-Za-z0-9._-]*|\\.\\.[A-Za-z0-9._-]+))+$"
    },
    "posixUser": {
      "description": "A POSIX user or group name: a lowercase letter or `_`, then up to 31 lowercase letters, digits, `_` and `-`. Example: `ops`.",
      "type": "string",
      "pattern": "^[a-z_][a-z0-9_-]{0,31}$"
    },
    "sshPublicKey": {
      "description": "An OpenSSH public key line: key type, base64 key and an optional comment of letters, digits, spaces and `@._:+=/-`. Example: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... ops@example`.",
      "type": "string",
      "maxLength": 16384,
      "pattern": "^(ssh-ed25519|ssh-rsa|ssh-dss|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com|sk-ecdsa-sha2-nistp256@openssh\\.com) AAAA[A-Za-z0-9+/]+={0,3}( [A-Za-z0-9@._:+=/-][A-Za-z0-9@._:+=/ -]{0,254})?$"
    },
    "port": {
      "description": "A TCP port number, 1 to 65535.",
      "type": "integer",
      "minimum": 1,
      "maximum": 65535
    }
  }
};

/** JSON Schema (draft 2020-12) of a Host document. */
export const HOST_SCHEMA: JsonSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://gitvirt.io/schemas/v1alpha1/host.json",
  "title": "Host",
  "description": "A hypervisor host that gitvirt manages over SSH through libvirt.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "apiVersion",
    "kind",
    "metadata",
    "spec"
  ],
  "properties": {
    "apiVersion": {
      "$ref": "common.json#/$defs/apiVersion",
      "description": "API version of the resource model: `gitvirt.io/v1alpha1`."
    },
    "kind": {
      "description": "Kind of the resource: `Host`.",
      "type": "string",
      "const": "Host"
    },
    "metadata": {
      "$ref": "common.json#/$defs/ObjectMeta",
      "description": "Name, labels and annotations of the host. Host labels are matched by placement and host selectors."
    },
    "spec": {
      "$ref": "#/$defs/HostSpec",
      "description": "How to reach the host and how much of it gitvirt may use."
    }
  },
  "$defs": {
    "HostSpec": {
      "title": "HostSpec",
      "description": "How to reach a hypervisor host and how much of it gitvirt may use.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "address",
        "hostKey"
      ],
      "properties": {
        "address": {
          "$ref": "common.json#/$defs/hostAddress",
          "description": "Host name or IP address that gitvirt connects to over SSH. Letters, digits, `.`, `-` and `:` only; may not start with `-`. Example: `hv1.example.com`."
        },
        "port": {
          "$ref": "common.json#/$defs/port",
          "description": "SSH port, 1 to 65535.",
          "default": 22
        },
        "user": {
          "$ref": "common.json#/$defs/posixUser",
          "description": "SSH user (POSIX user name). It must be allowed to run `virsh` against `uri`.",
          "default": "root"
        },
        "hostKey": {
          "description": "The host's pinned SSH host key: an OpenSSH public key line (`ssh-ed25519 AAAA...`, `ecdsa-sha2-nistp256 AAAA...`, `ssh-rsa AAAA...`, optional trailing comment) as printed by `ssh-keyscan`, or a fingerprint `SHA256:<base64>` as printed by `ssh-keygen -lf`. A host presenting another key is refused.",
          "type": "string",
          "maxLength": 16384,
          "pattern": "^((ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)) AAAA[A-Za-z0-9+/]+={0,3}( [A-Za-z0-9@._:+=/-][A-Za-z0-9@._:+=/ -]{0,254})?|SHA256:[A-Za-z0-9+/]{43}=?)$"
        },
        "uri": {
          "description": "libvirt connection URI used on the host (passed to `virsh -c`). Example: `qemu:///system`.",
          "type": "string",
          "maxLength": 1024,
          "pattern": "^qemu(\\+[a-z]+)?://[A-Za-z0-9._~:@%/?=&+,\\[\\]-]*$",
          "default": "qemu:///system"
        },
        "zone": {
          "$ref": "common.json#/$defs/dnsLabel",
          "description": "Failure zone the host belongs to (a DNS label). Used by placement, Cluster zones and host selections.",
          "default": "default"
        },
        "capacity": {
          "$ref": "#/$defs/HostCapacity",
          "description": "Total CPUs and memory of the host. When omitted, read from `virsh nodeinfo` on every cycle."
        },
        "reserved": {
          "$ref": "#/$defs/HostReserved",
          "description": "CPUs and memory kept free for the host itself; the scheduler places VMs only into capacity minus reserved."
        },
        "storagePool": {
          "$ref": "#/$defs/StoragePoolSpec",
          "description": "The libvirt storage pool gitvirt creates and uses for image, disk and cloud-init seed volumes."
        },
        "cordoned": {
          "description": "When true, no new VirtualMachine is placed on this host; VMs already on it stay.",
          "type": "boolean",
          "default": false
        },
        "drain": {
          "description": "When true, the VMs the scheduler placed on this host move to other hosts one at a time by cold migration (shut down, disks copied or recreated per the VM's `migration` policy, started on the new host); implies `cordoned`. VMs pinned to this host by `placement.host` stay and are reported.",
          "type": "boolean",
          "default": false
        }
      }
    },
    "HostCapacity": {
      "title": "HostCapacity",
      "description": "Total schedulable resources of a host.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "cpus",
        "memoryMiB"
      ],
      "properties": {
        "cpus": {
          "description": "Number of logical CPUs (threads), at least 1.",
          "type": "integer",
          "minimum": 1,
          "maximum": 65536
        },
        "memoryMiB": {
          "description": "Memory in MiB, at least 64. Example: `65536` for 64 GiB.",
          "type": "integer",
          "minimum": 64,
          "maximum": 1073741824
        }
      }
    },
    "HostReserved": {
      "title": "HostReserved",
      "description": "Resources of a host kept free for the host itself.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "cpus": {
          "description": "Number of logical CPUs kept free.",
          "type": "integer",
          "minimum": 0,
          "maximum": 65536,
          "default": 0
        },
        "memoryMiB": {
          "description": "Memory kept free, in MiB.",
          "type": "integer",
          "minimum": 0,
          "maximum": 1073741824,
          "default": 1024
        }
      }
    },
    "StoragePoolSpec": {
      "title": "StoragePoolSpec",
      "description": "A directory-backed libvirt storage pool owned by gitvirt.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "name": {
          "description": "libvirt name of the pool: 1 to 63 letters, digits, `_` and `-`, starting with a letter or digit.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",
          "default": "gitvirt"
        },
        "path": {
          "$ref": "common.json#/$defs/absolutePath",
          "description": "Absolute directory of the pool on the host; created when missing. Letters, digits, `.`, `_`, `-` and `/` only, no `..` segments.",
          "default": "/var/lib/libvirt/images/gitvirt"
        }
      }
    }
  }
};

/** JSON Schema (draft 2020-12) of a Image document. */
export const IMAGE_SCHEMA: JsonSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://gitvirt.io/schemas/v1alpha1/image.json",
  "title": "Image",
  "description": "A base disk image that VirtualMachine disks are created from.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "apiVersion",
    "kind",
    "metadata",
    "spec"
  ],
  "properties": {
    "apiVersion": {
      "$ref": "common.json#/$defs/apiVersion",
      "description": "API version of the resource model: `gitvirt.io/v1alpha1`."
    },
    "kind": {
      "description": "Kind of the resource: `Image`.",
      "type": "string",
      "const": "Image"
    },
    "metadata": {
      "$ref": "common.json#/$defs/ObjectMeta",
      "description": "Name, labels and annotations of the image. Disks refer to the image by name."
    },
    "spec": {
      "$ref": "#/$defs/ImageSpec",
      "description": "Where the image comes from and its format."
    }
  },
  "$defs": {
    "ImageSpec": {
      "title": "ImageSpec",
      "description": "Where a base image comes from, its format and which hosts get it.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "source"
      ],
      "properties": {
        "source": {
          "$ref": "#/$defs/ImageSource",
          "description": "Where the image comes from: `url` together with `sha256` (downloaded once per host and verified), or `path` of a file already on the host."
        },
        "format": {
          "description": "Disk format of the image file.",
          "type": "string",
          "enum": [
            "qcow2",
            "raw"
          ],
          "default": "qcow2"
        },
        "hosts": {
          "$ref": "common.json#/$defs/HostSelection",
          "description": "Hosts that get the image ahead of need. When omitted, every host that runs a VirtualMachine with a disk from this image gets it."
        }
      }
    },
    "ImageSource": {
      "title": "ImageSource",
      "description": "Where an image comes from: either `url` and `sha256` together, or `path`.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "url": {
          "description": "HTTP or HTTPS URL to download the image from; no credentials, spaces, quotes or shell characters. Example: `https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2`.",
          "type": "string",
          "maxLength": 2048,
          "pattern": "^https?://([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?(/[A-Za-z0-9._~%!&()*+,=:@/-]*)?(\\?[A-Za-z0-9._~%!&()*+,=:@/?-]*)?$"
        },
        "sha256": {
          "description": "Expected SHA-256 of the downloaded file: 64 lowercase hex digits. Required with `url`; a download that does not match is discarded.",
          "type": "string",
          "pattern": "^[0-9a-f]{64}$"
        },
        "path": {
          "$ref": "common.json#/$defs/absolutePath",
          "description": "Absolute path of an image file that already exists on every host that needs it. Example: `/srv/images/debian-12.qcow2`."
        }
      },
      "oneOf": [
        {
          "required": [
            "url",
            "sha256"
          ],
          "properties": {
            "path": false,
            "url": true,
            "sha256": true
          }
        },
        {
          "required": [
            "path"
          ],
          "properties": {
            "url": false,
            "sha256": false,
            "path": true
          }
        }
      ]
    }
  }
};

/** JSON Schema (draft 2020-12) of a Network document. */
export const NETWORK_SCHEMA: JsonSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://gitvirt.io/schemas/v1alpha1/network.json",
  "title": "Network",
  "description": "A libvirt virtual network that VirtualMachine interfaces attach to.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "apiVersion",
    "kind",
    "metadata",
    "spec"
  ],
  "properties": {
    "apiVersion": {
      "$ref": "common.json#/$defs/apiVersion",
      "description": "API version of the resource model: `gitvirt.io/v1alpha1`."
    },
    "kind": {
      "description": "Kind of the resource: `Network`.",
      "type": "string",
      "const": "Network"
    },
    "metadata": {
      "$ref": "common.json#/$defs/ObjectMeta",
      "description": "Name, labels and annotations of the network. The name is also the libvirt network name; interfaces refer to it."
    },
    "spec": {
      "$ref": "#/$defs/NetworkSpec",
      "description": "Forwarding mode, addressing and DHCP of the network."
    }
  },
  "$defs": {
    "NetworkSpec": {
      "title": "NetworkSpec",
      "description": "Forwarding mode, addressing, DHCP and host selection of a libvirt network.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "mode"
      ],
      "properties": {
        "mode": {
          "description": "Forwarding mode: `nat` (guests reach outside through NAT on the host), `isolated` (guests and host only), `bridge` (attach to an existing host bridge; gitvirt assigns no addresses), `route` (routed without NAT).",
          "type": "string",
          "enum": [
            "nat",
            "isolated",
            "bridge",
            "route"
          ]
        },
        "bridge": {
          "description": "Linux bridge interface name, 1 to 15 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`. Required in `bridge` mode (an existing bridge on the host); otherwise the name of the bridge libvirt creates, default `gv-<hash>` derived from the network name. Example: `br0`.",
          "type": "string",
          "pattern": "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}$"
        },
        "cidr": {
          "$ref": "common.json#/$defs/ipv4Cidr",
          "description": "IPv4 network of the guests in CIDR notation. Required in `nat`, `isolated` and `route` modes. Example: `10.10.0.0/24`."
        },
        "gateway": {
          "$ref": "common.json#/$defs/ipv4",
          "description": "Host-side IPv4 address of the network, inside `cidr`; also the default route given to guests. Default: the first host address of `cidr` (`10.10.0.1` for `10.10.0.0/24`)."
        },
        "dhcp": {
          "$ref": "#/$defs/DhcpSpec",
          "description": "DHCP served by libvirt on this network; not available in `bridge` mode. Interfaces of VirtualMachines with a static `ip` get a reservation automatically. When omitted, no DHCP is served."
        },
        "mtu": {
          "description": "MTU of the network in bytes, 576 to 9216. Default: libvirt's (normally 1500).",
          "type": "integer",
          "minimum": 576,
          "maximum": 9216
        },
        "domain": {
          "$ref": "common.json#/$defs/dnsName",
          "description": "DNS domain served by libvirt's dnsmasq for guests on this network. Example: `lab.example.com`."
        },
        "hosts": {
          "$ref": "common.json#/$defs/HostSelection",
          "description": "Hosts that get the network. When omitted, every host that runs a VirtualMachine attached to it."
        },
        "autostart": {
          "description": "Whether libvirt starts the network when the host boots.",
          "type": "boolean",
          "default": true
        }
      },
      "allOf": [
        {
          "if": {
            "properties": {
              "mode": {
                "const": "bridge"
              }
            },
            "required": [
              "mode"
            ]
          },
          "then": {
            "required": [
              "bridge"
            ],
            "properties": {
              "bridge": true
            }
          }
        },
        {
          "if": {
            "properties": {
              "mode": {
                "enum": [
                  "nat",
                  "isolated",
                  "route"
                ]
              }
            },
            "required": [
              "mode"
            ]
          },
          "then": {
            "required": [
              "cidr"
            ],
            "properties": {
              "cidr": true
            }
          }
        },
        {
          "if": {
            "properties": {
              "mode": {
                "const": "bridge"
              }
            },
            "required": [
              "mode"
            ]
          },
          "then": {
            "properties": {
              "dhcp": false
            }
          }
        }
      ]
    },
    "DhcpSpec": {
      "title": "DhcpSpec",
      "description": "A DHCP range and static reservations served by libvirt.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "start",
        "end"
      ],
      "properties": {
        "start": {
          "$ref": "common.json#/$defs/ipv4",
          "description": "First IPv4 address handed out, inside `cidr`. Example: `10.10.0.100`."
        },
        "end": {
          "$ref": "common.json#/$defs/ipv4",
          "description": "Last IPv4 address handed out, inside `cidr` and not below `start`. Example: `10.10.0.199`."
        },
        "reservations": {
          "description": "Static DHCP leases. Interfaces of VirtualMachines with a static `ip` are added automatically.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/DhcpReservation"
          }
        }
      }
    },
    "DhcpReservation": {
      "title": "DhcpReservation",
      "description": "A static DHCP lease: this MAC address always gets this IP address.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "mac",
        "ip"
      ],
      "properties": {
        "mac": {
          "$ref": "common.json#/$defs/mac",
          "description": "MAC address of the client, lowercase. Example: `52:54:00:12:34:56`."
        },
        "ip": {
          "$ref": "common.json#/$defs/ipv4",
          "description": "IPv4 address leased to the client, inside `cidr`. Example: `10.10.0.20`."
        },
        "hostname": {
          "$ref": "common.json#/$defs/dnsLabel",
          "description": "Host name given to the client with the lease (a DNS label)."
        }
      }
    }
  }
};

/** JSON Schema (draft 2020-12) of a VirtualMachine document. */
export const VIRTUAL_MACHINE_SCHEMA: JsonSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://gitvirt.io/schemas/v1alpha1/virtualmachine.json",
  "title": "VirtualMachine",
  "description": "One guest: a libvirt domain with its disks, network interfaces and cloud-init seed.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "apiVersion",
    "kind",
    "metadata",
    "spec"
  ],
  "properties": {
    "apiVersion": {
      "$ref": "common.json#/$defs/apiVersion",
      "description": "API version of the resource model: `gitvirt.io/v1alpha1`."
    },
    "kind": {
      "description": "Kind of the resource: `VirtualMachine`.",
      "type": "string",
      "const": "VirtualMachine"
    },
    "metadata": {
      "$ref": "common.json#/$defs/ObjectMeta",
      "description": "Name, labels and annotations of the VM. The name is also the libvirt domain name."
    },
    "spec": {
      "$ref": "#/$defs/VirtualMachineSpec",
      "description": "Where the VM runs and what it looks like."
    }
  },
  "$defs": {
    "VirtualMachineSpec": {
      "title": "VirtualMachineSpec",
      "description": "Where a VM runs and what it looks like.",
      "type": "object",
      "$ref": "#/$defs/vmSpecFields",
      "required": [
        "placement"
      ],
      "properties": {
        "placement": {
          "$ref": "#/$defs/Placement",
          "description": "Where the VM may run: a host by name, or a zone and/or host label selector for the scheduler. At least one key. Once placed, a VM stays on its host while the host still qualifies."
        }
      },
      "unevaluatedProperties": false
    },
    "vmSpecFields": {
      "description": "The fields of a VM spec shared by VirtualMachineSpec and ClusterMemberSpec (everything except `placement`).",
      "type": "object",
      "required": [
        "cpus",
        "memoryMiB"
      ],
      "properties": {
        "runStrategy": {
          "description": "Desired power state: `Always` (kept running: started when found stopped, and autostarted with the host), `Halted` (kept shut off), `Manual` (defined but never started or stopped by gitvirt).",
          "type": "string",
          "enum": [
            "Always",
            "Halted",
            "Manual"
          ],
          "default": "Always"
        },
        "cpus": {
          "description": "Number of virtual CPUs, 1 to 512.",
          "type": "integer",
          "minimum": 1,
          "maximum": 512
        },
        "memoryMiB": {
          "description": "Memory in MiB, at least 64. Example: `2048` for 2 GiB.",
          "type": "integer",
          "minimum": 64,
          "maximum": 1073741824
        },
        "maxMemoryMiB": {
          "description": "Maximum memory in MiB that the VM can be ballooned up to without a restart; not below `memoryMiB`. Default: `memoryMiB`.",
          "type": "integer",
          "minimum": 64,
          "maximum": 1073741824
        },
        "cpuTune": {
          "$ref": "#/$defs/CpuTune",
          "description": "CPU scheduling weight and vCPU pinning."
        },
        "disks": {
          "description": "Disks in target order (the first is `vda`, or `sda` on sata/scsi). At least one unless `boot` is set. Disk names must be unique within the VM.",
          "type": "array",
          "maxItems": 26,
          "items": {
            "$ref": "#/$defs/Disk"
          }
        },
        "interfaces": {
          "description": "Network interfaces in PCI order; the first is normally `eth0`/`enp1s0` in the guest.",
          "type": "array",
          "maxItems": 32,
          "items": {
            "$ref": "#/$defs/NetworkInterface"
          }
        },
        "cloudInit": {
          "$ref": "#/$defs/CloudInit",
          "description": "cloud-init configuration delivered on a NoCloud seed ISO attached as a CD-ROM. When omitted, no seed is attached."
        },
        "boot": {
          "$ref": "#/$defs/DirectBoot",
          "description": "Direct kernel boot from files on the host instead of booting from the first disk."
        },
        "health": {
          "$ref": "#/$defs/HealthCheck",
          "description": "A probe run from the host against the VM's address; its result is the VM's Ready condition and gates Cluster rolling updates."
        },
        "deletionProtection": {
          "description": "When true, gitvirt refuses to delete the VM (or its disks) when it disappears from the repository; set it to false first.",
          "type": "boolean",
          "default": false
        },
        "restartPolicy": {
          "description": "What to do when a change needs a restart (CPU count, disks, machine type...): `Automatic` shuts the VM down gracefully and starts it again now; `Manual` applies the change to the stored definition and reports `RestartRequired` until someone restarts it.",
          "type": "string",
          "enum": [
            "Automatic",
            "Manual"
          ],
          "default": "Automatic"
        },
        "shutdownTimeoutSeconds": {
          "description": "Seconds to wait for a graceful (ACPI) shutdown before the VM is forcibly stopped, 0 to 3600.",
          "type": "integer",
          "minimum": 0,
          "maximum": 3600,
          "default": 60
        },
        "selfHeal": {
          "description": "When true, changes made to the VM outside gitvirt (drift) are corrected on every cycle; when false they are only reported.",
          "type": "boolean",
          "default": true
        },
        "domainType": {
          "description": "libvirt domain type: `kvm` (hardware virtualisation), `qemu` (software emulation, slow), or `auto` (kvm when the host's domain capabilities offer it, else qemu).",
          "type": "string",
          "enum": [
            "auto",
            "kvm",
            "qemu"
          ],
          "default": "auto"
        },
        "machine": {
          "description": "QEMU machine type: lowercase letters, digits, `.`, `_` and `-`. Example: `q35`, `pc-q35-8.2`.",
          "type": "string",
          "maxLength": 64,
          "pattern": "^[a-z0-9][a-z0-9._-]*$",
          "default": "q35"
        },
        "migration": {
          "$ref": "#/$defs/MigrationPolicy",
          "description": "How the VM moves when it must leave its host (the host drains, or its placement no longer holds): by cold migration, with its disks copied or recreated."
        }
      },
      "allOf": [
        {
          "if": {
            "required": [
              "boot"
            ],
            "properties": {
              "boot": true
            }
          },
          "else": {
            "required": [
              "disks"
            ],
            "properties": {
              "disks": {
                "type": "array",
                "minItems": 1
              }
            }
          }
        }
      ]
    },
    "Placement": {
      "title": "Placement",
      "description": "Where a VM may run. All given keys must hold for the chosen host (AND).",
      "type": "object",
      "additionalProperties": false,
      "minProperties": 1,
      "properties": {
        "host": {
          "$ref": "common.json#/$defs/dnsLabel",
          "description": "Name of the Host to run on."
        },
        "zone": {
          "$ref": "common.json#/$defs/dnsLabel",
          "description": "Zone the host must be in (`spec.zone` of the Host)."
        },
        "selector": {
          "$ref": "common.json#/$defs/selector",
          "description": "Host labels that must all match. Example: `{ disk: ssd }`."
        }
      }
    },
    "CpuTune": {
      "title": "CpuTune",
      "description": "CPU scheduling weight and pinning of a VM's vCPUs.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "shares": {
          "description": "Relative CPU weight against other VMs on the host, 2 to 262144 (libvirt `<shares>`; the host default is 1024 or 100 depending on cgroup version).",
          "type": "integer",
          "minimum": 2,
          "maximum": 262144
        },
        "pinning": {
          "description": "Host CPUs each vCPU may run on. vCPUs not listed float over all host CPUs.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/VcpuPin"
          }
        }
      }
    },
    "VcpuPin": {
      "title": "VcpuPin",
      "description": "Pins one vCPU to a set of host CPUs.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "vcpu",
        "cpuset"
      ],
      "properties": {
        "vcpu": {
          "description": "vCPU number, from 0 to `cpus` - 1.",
          "type": "integer",
          "minimum": 0,
          "maximum": 511
        },
        "cpuset": {
          "description": "Host CPUs as a comma-separated list of numbers and ranges. Example: `0-3,8`.",
          "type": "string",
          "maxLength": 1024,
          "pattern": "^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$"
        }
      }
    },
    "Disk": {
      "title": "Disk",
      "description": "A disk volume in the gitvirt storage pool: empty, or created from an Image.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name"
      ],
      "properties": {
        "name": {
          "$ref": "common.json#/$defs/dnsLabel",
          "description": "Name of the disk, unique within the VM (a DNS label); the volume is named `<vm>-<name>`. Example: `root`."
        },
        "image": {
          "$ref": "common.json#/$defs/dnsLabel",
          "description": "Name of the Image the disk is created from. When omitted, the disk is empty and `sizeGiB` is required."
        },
        "mode": {
          "description": "How the disk is created from `image`: `overlay` (a qcow2 overlay backed by the shared image volume; fast, small) or `copy` (a full independent copy). Only with `image`.",
          "type": "string",
          "enum": [
            "overlay",
            "copy"
          ],
          "default": "overlay"
        },
        "sizeGiB": {
          "description": "Size of the disk in GiB (may be fractional, e.g. `0.5`). Required without `image`; with `image`, the disk is grown to this size (it is never shrunk). Default with `image`: the image's virtual size.",
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 65536
        },
        "bus": {
          "description": "Bus the disk is attached to: `virtio` (targets `vda`, `vdb`...), `sata` or `scsi` (targets `sda`, `sdb`...).",
          "type": "string",
          "enum": [
            "virtio",
            "sata",
            "scsi"
          ],
          "default": "virtio"
        },
        "iotune": {
          "$ref": "#/$defs/DiskIOTune",
          "description": "I/O limits of the disk; unset limits are unlimited."
        },
        "deleteOnRemove": {
          "description": "When true, the disk volume is deleted when the disk or the VM is removed from the repository; when false it is kept and reported as orphaned.",
          "type": "boolean",
          "default": false
        }
      },
      "allOf": [
        {
          "if": {
            "required": [
              "image"
            ],
            "properties": {
              "image": true
            }
          },
          "else": {
            "required": [
              "sizeGiB"
            ],
            "properties": {
              "sizeGiB": true
            }
          }
        },
        {
          "if": {
            "required": [
              "mode"
            ],
            "properties": {
              "mode": true
            }
          },
          "then": {
            "required": [
              "image"
            ],
            "properties": {
              "image": true
            }
          }
        }
      ]
    },
    "DiskIOTune": {
      "title": "DiskIOTune",
      "description": "I/O limits of a disk (libvirt `<iotune>`). 0 or unset means unlimited.",
      "type": "object",
      "additionalProperties": false,
      "minProperties": 1,
      "properties": {
        "totalBytesSec": {
          "description": "Total throughput limit in bytes per second.",
          "type": "integer",
          "minimum": 0
        },
        "readBytesSec": {
          "description": "Read throughput limit in bytes per second; not together with `totalBytesSec`.",
          "type": "integer",
          "minimum": 0
        },
        "writeBytesSec": {
          "description": "Write throughput limit in bytes per second; not together with `totalBytesSec`.",
          "type": "integer",
          "minimum": 0
        },
        "totalIopsSec": {
          "description": "Total I/O operations per second limit.",
          "type": "integer",
          "minimum": 0
        },
        "readIopsSec": {
          "description": "Read I/O operations per second limit; not together with `totalIopsSec`.",
          "type": "integer",
          "minimum": 0
        },
        "writeIopsSec": {
          "description": "Write I/O operations per second limit; not together with `totalIopsSec`.",
          "type": "integer",
          "minimum": 0
        }
      },
      "allOf": [
        {
          "if": {
            "required": [
              "totalBytesSec"
            ],
            "properties": {
              "totalBytesSec": true
            }
          },
          "then": {
            "properties": {
              "readBytesSec": false,
              "writeBytesSec": false
            }
          }
        },
        {
          "if": {
            "required": [
              "totalIopsSec"
            ],
            "properties": {
              "totalIopsSec": true
            }
          },
          "then": {
            "properties": {
              "readIopsSec": false,
              "writeIopsSec": false
            }
          }
        }
      ]
    },
    "NetworkInterface": {
      "title": "NetworkInterface",
      "description": "A virtual network card attached to a gitvirt Network.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "network"
      ],
      "properties": {
        "network": {
          "$ref": "common.json#/$defs/dnsLabel",
          "description": "Name of the Network to attach to."
        },
        "mac": {
          "$ref": "common.json#/$defs/mac",
          "description": "MAC address, lowercase. Default: derived stably from the VM name and interface index with prefix `52:54:00`."
        },
        "ip": {
          "$ref": "common.json#/$defs/ipv4",
          "description": "Static IPv4 address inside the network's `cidr`. On a network with `dhcp`, it is handed out as a DHCP reservation for this interface's MAC. Example: `10.10.0.20`."
        },
        "model": {
          "description": "Emulated NIC model: `virtio` (fast, needs guest drivers) or `e1000`.",
          "type": "string",
          "enum": [
            "virtio",
            "e1000"
          ],
          "default": "virtio"
        }
      }
    },
    "CloudInit": {
      "title": "CloudInit",
      "description": "cloud-init NoCloud configuration for the guest's first boot.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "hostname": {
          "$ref": "common.json#/$defs/dnsName",
          "description": "Guest host name (a DNS name; the first label is the short name). Default: the VM name."
        },
        "users": {
          "description": "Users to create in the guest.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/CloudInitUser"
          }
        },
        "sshAuthorizedKeys": {
          "description": "SSH public keys authorised for the image's default user.",
          "type": "array",
          "items": {
            "$ref": "common.json#/$defs/sshPublicKey"
          }
        },
        "userData": {
          "description": "Raw cloud-config YAML (without or with the `#cloud-config` header), merged last over what gitvirt generates from the fields above. At most 65536 characters. Do not put secrets here: manifests live in git.",
          "type": "string",
          "maxLength": 65536
        },
        "networkConfig": {
          "description": "cloud-init network configuration (version 2, netplan-style) written as `network-config` on the seed. When omitted, the guest uses DHCP on its interfaces.",
          "type": "object"
        }
      }
    },
    "CloudInitUser": {
      "title": "CloudInitUser",
      "description": "A user created by cloud-init in the guest.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name"
      ],
      "properties": {
        "name": {
          "$ref": "common.json#/$defs/posixUser",
          "description": "User name (POSIX). Example: `ops`."
        },
        "sshAuthorizedKeys": {
          "description": "SSH public keys authorised for this user.",
          "type": "array",
          "items": {
            "$ref": "common.json#/$defs/sshPublicKey"
          }
        },
        "sudo": {
          "description": "sudoers rule for the user; letters, digits, spaces and `_=(),:!/.@%+*-` only. Example: `ALL=(ALL) NOPASSWD:ALL`.",
          "type": "string",
          "maxLength": 1024,
          "pattern": "^[A-Za-z0-9 _=(),:!/.@%+*-]+$"
        },
        "groups": {
          "description": "Supplementary groups of the user. Example: `[adm, sudo]`.",
          "type": "array",
          "items": {
            "$ref": "common.json#/$defs/posixUser"
          }
        },
        "shell": {
          "$ref": "common.json#/$defs/absolutePath",
          "description": "Login shell of the user. Example: `/bin/bash`."
        }
      }
    },
    "DirectBoot": {
      "title": "DirectBoot",
      "description": "Direct kernel boot: the VM starts a kernel and initrd read from files on the host.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "kernel"
      ],
      "properties": {
        "kernel": {
          "$ref": "common.json#/$defs/absolutePath",
          "description": "Absolute path of the kernel image on the host. Example: `/srv/boot/vmlinuz`."
        },
        "initrd": {
          "$ref": "common.json#/$defs/absolutePath",
          "description": "Absolute path of the initial ramdisk on the host. Example: `/srv/boot/initrd.img`."
        },
        "cmdline": {
          "description": "Kernel command line, at most 2048 characters; letters, digits, spaces and `_=,.:/+@%*#~[]{}()!?^-` only (no quotes, `;`, `$`, `<`, `>`, `&`, `|`, backticks or control characters). Example: `console=ttyS0 root=/dev/vda1`.",
          "type": "string",
          "maxLength": 2048,
          "pattern": "^[A-Za-z0-9 _=,.:/+@%*#~\\[\\]{}()!?^-]*$"
        }
      }
    },
    "HealthCheck": {
      "title": "HealthCheck",
      "description": "A probe run from the host against the VM; exactly one of `http` or `tcp`.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "http": {
          "$ref": "#/$defs/HttpProbe",
          "description": "Probe an HTTP endpoint of the VM."
        },
        "tcp": {
          "$ref": "#/$defs/TcpProbe",
          "description": "Probe that a TCP port of the VM accepts connections."
        },
        "periodSeconds": {
          "description": "Seconds between probes, 1 to 3600.",
          "type": "integer",
          "minimum": 1,
          "maximum": 3600,
          "default": 5
        },
        "timeoutSeconds": {
          "description": "Seconds after which one probe counts as failed, 1 to 3600.",
          "type": "integer",
          "minimum": 1,
          "maximum": 3600,
          "default": 3
        },
        "initialDelaySeconds": {
          "description": "Seconds to wait after the VM starts before the first probe, 0 to 86400.",
          "type": "integer",
          "minimum": 0,
          "maximum": 86400,
          "default": 0
        }
      },
      "oneOf": [
        {
          "required": [
            "http"
          ],
          "properties": {
            "http": true
          }
        },
        {
          "required": [
            "tcp"
          ],
          "properties": {
            "tcp": true
          }
        }
      ]
    },
    "HttpProbe": {
      "title": "HttpProbe",
      "description": "An HTTP GET against the VM's address; healthy when the response status equals `expectStatus`.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "port"
      ],
      "properties": {
        "port": {
          "$ref": "common.json#/$defs/port",
          "description": "TCP port of the HTTP endpoint, 1 to 65535."
        },
        "path": {
          "description": "Request path starting with `/`; letters, digits and `-._~%!&()*+,=:@/?` only. Example: `/healthz`.",
          "type": "string",
          "maxLength": 2048,
          "pattern": "^/[A-Za-z0-9._~%!&()*+,=:@/?-]*$",
          "default": "/"
        },
        "expectStatus": {
          "description": "Expected HTTP status code, 100 to 599.",
          "type": "integer",
          "minimum": 100,
          "maximum": 599,
          "default": 200
        }
      }
    },
    "TcpProbe": {
      "title": "TcpProbe",
      "description": "A TCP connect to the VM's address; healthy when the connection is accepted.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "port"
      ],
      "properties": {
        "port": {
          "$ref": "common.json#/$defs/port",
          "description": "TCP port to connect to, 1 to 65535."
        }
      }
    },
    "MigrationPolicy": {
      "title": "MigrationPolicy",
      "description": "How a VM's disks follow it to another host in a cold migration.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "disks": {
          "description": "`copy` moves the VM's own volumes (overlays, copies and blank data disks) to the new host, verified by size and sha256, so its data goes with it; `recreate` creates fresh disks from the image on the new host (cloud-init runs again) and deletes the old ones, so disk contents are lost.",
          "type": "string",
          "enum": [
            "copy",
            "recreate"
          ],
          "default": "copy"
        }
      }
    }
  }
};

/** JSON Schema (draft 2020-12) of a Cluster document. */
export const CLUSTER_SCHEMA: JsonSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://gitvirt.io/schemas/v1alpha1/cluster.json",
  "title": "Cluster",
  "description": "A replicated group of VirtualMachines spread over zones, updated zone by zone.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "apiVersion",
    "kind",
    "metadata",
    "spec"
  ],
  "properties": {
    "apiVersion": {
      "$ref": "common.json#/$defs/apiVersion",
      "description": "API version of the resource model: `gitvirt.io/v1alpha1`."
    },
    "kind": {
      "description": "Kind of the resource: `Cluster`.",
      "type": "string",
      "const": "Cluster"
    },
    "metadata": {
      "$ref": "common.json#/$defs/ObjectMeta",
      "description": "Name, labels and annotations of the cluster. Members are named `<cluster>-<zone>-<n>`, which must stay within 63 characters."
    },
    "spec": {
      "$ref": "#/$defs/ClusterSpec",
      "description": "The member template, zones and update strategy."
    }
  },
  "$defs": {
    "ClusterSpec": {
      "title": "ClusterSpec",
      "description": "The member template, how many members run in which zone, and how changes roll out.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "template",
        "zones"
      ],
      "properties": {
        "template": {
          "$ref": "#/$defs/ClusterTemplate",
          "description": "Template of every member VM."
        },
        "zones": {
          "description": "Zones the members run in; members of a zone are placed on hosts of that zone. Zone names must be unique.",
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/ClusterZone"
          }
        },
        "antiAffinity": {
          "description": "How members are spread over hosts: `required` (never two members on one host; members that cannot be placed stay unplaced), `preferred` (spread when possible), `none`.",
          "type": "string",
          "enum": [
            "required",
            "preferred",
            "none"
          ],
          "default": "required"
        },
        "updateStrategy": {
          "$ref": "#/$defs/UpdateStrategy",
          "description": "How a template change rolls out to the members."
        }
      }
    },
    "ClusterTemplate": {
      "title": "ClusterTemplate",
      "description": "Template of the member VMs.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "spec"
      ],
      "properties": {
        "metadata": {
          "$ref": "#/$defs/ClusterTemplateMeta",
          "description": "Labels and annotations given to every member."
        },
        "spec": {
          "$ref": "#/$defs/ClusterMemberSpec",
          "description": "Spec of every member: a VirtualMachine spec without `placement` (placement comes from the zones)."
        }
      }
    },
    "ClusterTemplateMeta": {
      "title": "ClusterTemplateMeta",
      "description": "Labels and annotations given to every member VM; the name is generated.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "labels": {
          "$ref": "common.json#/$defs/labels",
          "description": "Labels of every member VM, merged over the Cluster's own labels."
        },
        "annotations": {
          "$ref": "common.json#/$defs/annotations",
          "description": "Annotations of every member VM."
        }
      }
    },
    "ClusterMemberSpec": {
      "title": "ClusterMemberSpec",
      "description": "A VirtualMachine spec without `placement`: the spec of every member of a Cluster.",
      "type": "object",
      "$ref": "virtualmachine.json#/$defs/vmSpecFields",
      "unevaluatedProperties": false
    },
    "ClusterZone": {
      "title": "ClusterZone",
      "description": "How many members run in one zone and their role.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "replicas"
      ],
      "properties": {
        "name": {
          "$ref": "common.json#/$defs/dnsLabel",
          "description": "Zone name (`spec.zone` of the hosts). Example: `zone-a`."
        },
        "replicas": {
          "description": "Number of members in this zone, 0 to 1000.",
          "type": "integer",
          "minimum": 0,
          "maximum": 1000
        },
        "role": {
          "description": "Role of the zone's members: `active` (serving) or `standby`. Standby zones are updated first by default.",
          "type": "string",
          "enum": [
            "active",
            "standby"
          ],
          "default": "standby"
        },
        "selector": {
          "$ref": "common.json#/$defs/selector",
          "description": "Additional host labels that the zone's hosts must match. Example: `{ disk: ssd }`."
        }
      }
    },
    "UpdateStrategy": {
      "title": "UpdateStrategy",
      "description": "How a template change rolls out: zone by zone, a few members at a time, each gated on health.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "type": {
          "description": "Update strategy; only `RollingZone` (one zone at a time) exists.",
          "type": "string",
          "enum": [
            "RollingZone"
          ],
          "default": "RollingZone"
        },
        "maxUnavailable": {
          "description": "Members of a zone updated at the same time, at least 1.",
          "type": "integer",
          "minimum": 1,
          "maximum": 1000,
          "default": 1
        },
        "zoneOrder": {
          "description": "Order in which zones are updated, by name; zones not listed follow. Default: standby zones first, then active zones, each in the order of `zones`.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "common.json#/$defs/dnsLabel"
          }
        },
        "healthTimeoutSeconds": {
          "description": "Seconds an updated member may take to become healthy before the rollout stops and reports Stalled, 1 to 86400.",
          "type": "integer",
          "minimum": 1,
          "maximum": 86400,
          "default": 300
        }
      }
    }
  }
};

/** The schema of each kind. */
export const SCHEMAS: Readonly<Record<Kind, JsonSchema>> = {
  Host: HOST_SCHEMA,
  Image: IMAGE_SCHEMA,
  Network: NETWORK_SCHEMA,
  VirtualMachine: VIRTUAL_MACHINE_SCHEMA,
  Cluster: CLUSTER_SCHEMA,
};

/** Every schema, shared definitions first: `ajv.addSchema(ALL_SCHEMAS)` on an `Ajv2020` instance. */
export const ALL_SCHEMAS: JsonSchema[] = [COMMON_SCHEMA, HOST_SCHEMA, IMAGE_SCHEMA, NETWORK_SCHEMA, VIRTUAL_MACHINE_SCHEMA, CLUSTER_SCHEMA];

/** One self-contained draft-07 schema for any gitvirt document (refs inlined, dispatch on `kind`), for editors. */
export const EDITOR_SCHEMA: JsonSchema = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://gitvirt.io/schemas/v1alpha1/gitvirt.json",
  "title": "gitvirt document",
  "description": "Any gitvirt gitvirt.io/v1alpha1 document: Host, Image, Network, VirtualMachine, Cluster.",
  "type": "object",
  "properties": {
    "apiVersion": {
      "description": "API version; gitvirt reads documents with `gitvirt.io/v1alpha1`.",
      "type": "string",
      "examples": [
        "gitvirt.io/v1alpha1"
      ]
    },
    "kind": {
      "description": "Kind of the resource.",
      "type": "string",
      "examples": [
        "Host",
        "Image",
        "Network",
        "VirtualMachine",
        "Cluster"
      ]
    }
  },
  "allOf": [
    {
      "if": {
        "properties": {
          "apiVersion": {
            "type": "string",
            "pattern": "^gitvirt\\.io/"
          }
        },
        "required": [
          "apiVersion"
        ]
      },
      "then": {
        "properties": {
          "apiVersion": {
            "const": "gitvirt.io/v1alpha1"
          }
        }
      }
    },
    {
      "if": {
        "properties": {
          "apiVersion": {
            "const": "gitvirt.io/v1alpha1"
          }
        },
        "required": [
          "apiVersion"
        ]
      },
      "then": {
        "properties": {
          "kind": {
            "enum": [
              "Host",
              "Image",
              "Network",
              "VirtualMachine",
              "Cluster"
            ]
          }
        }
      }
    },
    {
      "if": {
        "properties": {
          "apiVersion": {
            "const": "gitvirt.io/v1alpha1"
          },
          "kind": {
            "const": "Host"
          }
        },
        "required": [
          "apiVersion",
          "kind"
        ]
      },
      "then": {
        "title": "Host",
        "description": "A hypervisor host that gitvirt manages over SSH through libvirt.",
        "type": "object",
        "additionalProperties": false,
        "required": [
          "apiVersion",
          "kind",
          "metadata",
          "spec"
        ],
        "properties": {
          "apiVersion": {
            "description": "API version of the resource model: `gitvirt.io/v1alpha1`.",
            "type": "string",
            "const": "gitvirt.io/v1alpha1"
          },
          "kind": {
            "description": "Kind of the resource: `Host`.",
            "type": "string",
            "const": "Host"
          },
          "metadata": {
            "title": "ObjectMeta",
            "description": "Name, labels and annotations of the host. Host labels are matched by placement and host selectors.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "description": "Name of the resource, unique per kind in the repository. A DNS label: 1 to 63 lowercase letters, digits and `-`, starting and ending with a letter or digit. Example: `web-1`.",
                "type": "string",
                "minLength": 1,
                "maxLength": 63,
                "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
              },
              "labels": {
                "description": "Labels of the resource. On a Host they are matched by `selector` fields of VirtualMachine placement, Cluster zones, Network and Image host selections. Example: `{ disk: ssd }`.",
                "type": "object",
                "propertyNames": {
                  "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                  "type": "string",
                  "maxLength": 317,
                  "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                },
                "additionalProperties": {
                  "description": "A label value: at most 63 letters, digits, `-`, `_` and `.`. Example: `ssd`.",
                  "type": "string",
                  "maxLength": 63,
                  "pattern": "^[A-Za-z0-9._-]{0,63}$"
                }
              },
              "annotations": {
                "description": "Free-form notes for tools and people; gitvirt does not interpret them.",
                "type": "object",
                "propertyNames": {
                  "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                  "type": "string",
                  "maxLength": 317,
                  "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                },
                "additionalProperties": {
                  "type": "string",
                  "maxLength": 4096
                }
              }
            }
          },
          "spec": {
            "title": "HostSpec",
            "description": "How to reach the host and how much of it gitvirt may use.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "address",
              "hostKey"
            ],
            "properties": {
              "address": {
                "description": "Host name or IP address that gitvirt connects to over SSH. Letters, digits, `.`, `-` and `:` only; may not start with `-`. Example: `hv1.example.com`.",
                "type": "string",
                "minLength": 1,
                "maxLength": 253,
                "pattern": "^([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*|[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){1,7}(:[0-9]{1,3}(\\.[0-9]{1,3}){3})?)$"
              },
              "port": {
                "description": "SSH port, 1 to 65535.",
                "type": "integer",
                "minimum": 1,
                "maximum": 65535,
                "default": 22
              },
              "user": {
                "description": "SSH user (POSIX user name). It must be allowed to run `virsh` against `uri`.",
                "type": "string",
                "pattern": "^[a-z_][a-z0-9_-]{0,31}$",
                "default": "root"
              },
              "hostKey": {
                "description": "The host's pinned SSH host key: an OpenSSH public key line (`ssh-ed25519 AAAA...`, `ecdsa-sha2-nistp256 AAAA...`, `ssh-rsa AAAA...`, optional trailing comment) as printed by `ssh-keyscan`, or a fingerprint `SHA256:<base64>` as printed by `ssh-keygen -lf`. A host presenting another key is refused.",
                "type": "string",
                "maxLength": 16384,
                "pattern": "^((ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)) AAAA[A-Za-z0-9+/]+={0,3}( [A-Za-z0-9@._:+=/-][A-Za-z0-9@._:+=/ -]{0,254})?|SHA256:[A-Za-z0-9+/]{43}=?)$"
              },
              "uri": {
                "description": "libvirt connection URI used on the host (passed to `virsh -c`). Example: `qemu:///system`.",
                "type": "string",
                "maxLength": 1024,
                "pattern": "^qemu(\\+[a-z]+)?://[A-Za-z0-9._~:@%/?=&+,\\[\\]-]*$",
                "default": "qemu:///system"
              },
              "zone": {
                "description": "Failure zone the host belongs to (a DNS label). Used by placement, Cluster zones and host selections.",
                "type": "string",
                "minLength": 1,
                "maxLength": 63,
                "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$",
                "default": "default"
              },
              "capacity": {
                "title": "HostCapacity",
                "description": "Total CPUs and memory of the host. When omitted, read from `virsh nodeinfo` on every cycle.",
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "cpus",
                  "memoryMiB"
                ],
                "properties": {
                  "cpus": {
                    "description": "Number of logical CPUs (threads), at least 1.",
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 65536
                  },
                  "memoryMiB": {
                    "description": "Memory in MiB, at least 64. Example: `65536` for 64 GiB.",
                    "type": "integer",
                    "minimum": 64,
                    "maximum": 1073741824
                  }
                }
              },
              "reserved": {
                "title": "HostReserved",
                "description": "CPUs and memory kept free for the host itself; the scheduler places VMs only into capacity minus reserved.",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "cpus": {
                    "description": "Number of logical CPUs kept free.",
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 65536,
                    "default": 0
                  },
                  "memoryMiB": {
                    "description": "Memory kept free, in MiB.",
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 1073741824,
                    "default": 1024
                  }
                }
              },
              "storagePool": {
                "title": "StoragePoolSpec",
                "description": "The libvirt storage pool gitvirt creates and uses for image, disk and cloud-init seed volumes.",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "name": {
                    "description": "libvirt name of the pool: 1 to 63 letters, digits, `_` and `-`, starting with a letter or digit.",
                    "type": "string",
                    "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",
                    "default": "gitvirt"
                  },
                  "path": {
                    "description": "Absolute directory of the pool on the host; created when missing. Letters, digits, `.`, `_`, `-` and `/` only, no `..` segments.",
                    "type": "string",
                    "maxLength": 4096,
                    "pattern": "^(/([A-Za-z0-9_-][A-Za-z0-9._-]*|\\.[A-Za-z0-9_-][A-Za-z0-9._-]*|\\.\\.[A-Za-z0-9._-]+))+$",
                    "default": "/var/lib/libvirt/images/gitvirt"
                  }
                }
              },
              "cordoned": {
                "description": "When true, no new VirtualMachine is placed on this host; VMs already on it stay.",
                "type": "boolean",
                "default": false
              },
              "drain": {
                "description": "When true, the VMs the scheduler placed on this host move to other hosts one at a time by cold migration (shut down, disks copied or recreated per the VM's `migration` policy, started on the new host); implies `cordoned`. VMs pinned to this host by `placement.host` stay and are reported.",
                "type": "boolean",
                "default": false
              }
            }
          }
        }
      }
    },
    {
      "if": {
        "properties": {
          "apiVersion": {
            "const": "gitvirt.io/v1alpha1"
          },
          "kind": {
            "const": "Image"
          }
        },
        "required": [
          "apiVersion",
          "kind"
        ]
      },
      "then": {
        "title": "Image",
        "description": "A base disk image that VirtualMachine disks are created from.",
        "type": "object",
        "additionalProperties": false,
        "required": [
          "apiVersion",
          "kind",
          "metadata",
          "spec"
        ],
        "properties": {
          "apiVersion": {
            "description": "API version of the resource model: `gitvirt.io/v1alpha1`.",
            "type": "string",
            "const": "gitvirt.io/v1alpha1"
          },
          "kind": {
            "description": "Kind of the resource: `Image`.",
            "type": "string",
            "const": "Image"
          },
          "metadata": {
            "title": "ObjectMeta",
            "description": "Name, labels and annotations of the image. Disks refer to the image by name.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "description": "Name of the resource, unique per kind in the repository. A DNS label: 1 to 63 lowercase letters, digits and `-`, starting and ending with a letter or digit. Example: `web-1`.",
                "type": "string",
                "minLength": 1,
                "maxLength": 63,
                "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
              },
              "labels": {
                "description": "Labels of the resource. On a Host they are matched by `selector` fields of VirtualMachine placement, Cluster zones, Network and Image host selections. Example: `{ disk: ssd }`.",
                "type": "object",
                "propertyNames": {
                  "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                  "type": "string",
                  "maxLength": 317,
                  "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                },
                "additionalProperties": {
                  "description": "A label value: at most 63 letters, digits, `-`, `_` and `.`. Example: `ssd`.",
                  "type": "string",
                  "maxLength": 63,
                  "pattern": "^[A-Za-z0-9._-]{0,63}$"
                }
              },
              "annotations": {
                "description": "Free-form notes for tools and people; gitvirt does not interpret them.",
                "type": "object",
                "propertyNames": {
                  "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                  "type": "string",
                  "maxLength": 317,
                  "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                },
                "additionalProperties": {
                  "type": "string",
                  "maxLength": 4096
                }
              }
            }
          },
          "spec": {
            "title": "ImageSpec",
            "description": "Where the image comes from and its format.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "source"
            ],
            "properties": {
              "source": {
                "title": "ImageSource",
                "description": "Where the image comes from: `url` together with `sha256` (downloaded once per host and verified), or `path` of a file already on the host.",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "url": {
                    "description": "HTTP or HTTPS URL to download the image from; no credentials, spaces, quotes or shell characters. Example: `https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2`.",
                    "type": "string",
                    "maxLength": 2048,
                    "pattern": "^https?://([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?(/[A-Za-z0-9._~%!&()*+,=:@/-]*)?(\\?[A-Za-z0-9._~%!&()*+,=:@/?-]*)?$"
                  },
                  "sha256": {
                    "description": "Expected SHA-256 of the downloaded file: 64 lowercase hex digits. Required with `url`; a download that does not match is discarded.",
                    "type": "string",
                    "pattern": "^[0-9a-f]{64}$"
                  },
                  "path": {
                    "description": "Absolute path of an image file that already exists on every host that needs it. Example: `/srv/images/debian-12.qcow2`.",
                    "type": "string",
                    "maxLength": 4096,
                    "pattern": "^(/([A-Za-z0-9_-][A-Za-z0-9._-]*|\\.[A-Za-z0-9_-][A-Za-z0-9._-]*|\\.\\.[A-Za-z0-9._-]+))+$"
                  }
                },
                "oneOf": [
                  {
                    "required": [
                      "url",
                      "sha256"
                    ],
                    "properties": {
                      "path": false,
                      "url": true,
                      "sha256": true
                    }
                  },
                  {
                    "required": [
                      "path"
                    ],
                    "properties": {
                      "url": false,
                      "sha256": false,
                      "path": true
                    }
                  }
                ]
              },
              "format": {
                "description": "Disk format of the image file.",
                "type": "string",
                "enum": [
                  "qcow2",
                  "raw"
                ],
                "default": "qcow2"
              },
              "hosts": {
                "title": "HostSelection",
                "description": "Hosts that get the image ahead of need. When omitted, every host that runs a VirtualMachine with a disk from this image gets it.",
                "type": "object",
                "additionalProperties": false,
                "minProperties": 1,
                "properties": {
                  "names": {
                    "description": "Host names (metadata.name of Host resources). Example: `[hv1, hv2]`.",
                    "type": "array",
                    "uniqueItems": true,
                    "items": {
                      "description": "A DNS label (RFC 1123): 1 to 63 lowercase letters, digits and `-`, starting and ending with a letter or digit. Example: `web-1`.",
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 63,
                      "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
                    }
                  },
                  "zones": {
                    "description": "Zone names; hosts whose `spec.zone` is one of them. Example: `[zone-a]`.",
                    "type": "array",
                    "uniqueItems": true,
                    "items": {
                      "description": "A DNS label (RFC 1123): 1 to 63 lowercase letters, digits and `-`, starting and ending with a letter or digit. Example: `web-1`.",
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 63,
                      "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
                    }
                  },
                  "selector": {
                    "description": "Host labels that must all match. Example: `{ disk: ssd }`.",
                    "type": "object",
                    "propertyNames": {
                      "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                      "type": "string",
                      "maxLength": 317,
                      "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                    },
                    "additionalProperties": {
                      "description": "A label value: at most 63 letters, digits, `-`, `_` and `.`. Example: `ssd`.",
                      "type": "string",
                      "maxLength": 63,
                      "pattern": "^[A-Za-z0-9._-]{0,63}$"
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    {
      "if": {
        "properties": {
          "apiVersion": {
            "const": "gitvirt.io/v1alpha1"
          },
          "kind": {
            "const": "Network"
          }
        },
        "required": [
          "apiVersion",
          "kind"
        ]
      },
      "then": {
        "title": "Network",
        "description": "A libvirt virtual network that VirtualMachine interfaces attach to.",
        "type": "object",
        "additionalProperties": false,
        "required": [
          "apiVersion",
          "kind",
          "metadata",
          "spec"
        ],
        "properties": {
          "apiVersion": {
            "description": "API version of the resource model: `gitvirt.io/v1alpha1`.",
            "type": "string",
            "const": "gitvirt.io/v1alpha1"
          },
          "kind": {
            "description": "Kind of the resource: `Network`.",
            "type": "string",
            "const": "Network"
          },
          "metadata": {
            "title": "ObjectMeta",
            "description": "Name, labels and annotations of the network. The name is also the libvirt network name; interfaces refer to it.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "description": "Name of the resource, unique per kind in the repository. A DNS label: 1 to 63 lowercase letters, digits and `-`, starting and ending with a letter or digit. Example: `web-1`.",
                "type": "string",
                "minLength": 1,
                "maxLength": 63,
                "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
              },
              "labels": {
                "description": "Labels of the resource. On a Host they are matched by `selector` fields of VirtualMachine placement, Cluster zones, Network and Image host selections. Example: `{ disk: ssd }`.",
                "type": "object",
                "propertyNames": {
                  "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                  "type": "string",
                  "maxLength": 317,
                  "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                },
                "additionalProperties": {
                  "description": "A label value: at most 63 letters, digits, `-`, `_` and `.`. Example: `ssd`.",
                  "type": "string",
                  "maxLength": 63,
                  "pattern": "^[A-Za-z0-9._-]{0,63}$"
                }
              },
              "annotations": {
                "description": "Free-form notes for tools and people; gitvirt does not interpret them.",
                "type": "object",
                "propertyNames": {
                  "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                  "type": "string",
                  "maxLength": 317,
                  "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                },
                "additionalProperties": {
                  "type": "string",
                  "maxLength": 4096
                }
              }
            }
          },
          "spec": {
            "title": "NetworkSpec",
            "description": "Forwarding mode, addressing and DHCP of the network.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "mode"
            ],
            "properties": {
              "mode": {
                "description": "Forwarding mode: `nat` (guests reach outside through NAT on the host), `isolated` (guests and host only), `bridge` (attach to an existing host bridge; gitvirt assigns no addresses), `route` (routed without NAT).",
                "type": "string",
                "enum": [
                  "nat",
                  "isolated",
                  "bridge",
                  "route"
                ]
              },
              "bridge": {
                "description": "Linux bridge interface name, 1 to 15 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`. Required in `bridge` mode (an existing bridge on the host); otherwise the name of the bridge libvirt creates, default `gv-<hash>` derived from the network name. Example: `br0`.",
                "type": "string",
                "pattern": "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}$"
              },
              "cidr": {
                "description": "IPv4 network of the guests in CIDR notation. Required in `nat`, `isolated` and `route` modes. Example: `10.10.0.0/24`.",
                "type": "string",
                "pattern": "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])$"
              },
              "gateway": {
                "description": "Host-side IPv4 address of the network, inside `cidr`; also the default route given to guests. Default: the first host address of `cidr` (`10.10.0.1` for `10.10.0.0/24`).",
                "type": "string",
                "pattern": "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$"
              },
              "dhcp": {
                "title": "DhcpSpec",
                "description": "DHCP served by libvirt on this network; not available in `bridge` mode. Interfaces of VirtualMachines with a static `ip` get a reservation automatically. When omitted, no DHCP is served.",
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "start",
                  "end"
                ],
                "properties": {
                  "start": {
                    "description": "First IPv4 address handed out, inside `cidr`. Example: `10.10.0.100`.",
                    "type": "string",
                    "pattern": "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$"
                  },
                  "end": {
                    "description": "Last IPv4 address handed out, inside `cidr` and not below `start`. Example: `10.10.0.199`.",
                    "type": "string",
                    "pattern": "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$"
                  },
                  "reservations": {
                    "description": "Static DHCP leases. Interfaces of VirtualMachines with a static `ip` are added automatically.",
                    "type": "array",
                    "items": {
                      "title": "DhcpReservation",
                      "description": "A static DHCP lease: this MAC address always gets this IP address.",
                      "type": "object",
                      "additionalProperties": false,
                      "required": [
                        "mac",
                        "ip"
                      ],
                      "properties": {
                        "mac": {
                          "description": "MAC address of the client, lowercase. Example: `52:54:00:12:34:56`.",
                          "type": "string",
                          "pattern": "^[0-9a-f][02468ace](:[0-9a-f]{2}){5}$"
                        },
                        "ip": {
                          "description": "IPv4 address leased to the client, inside `cidr`. Example: `10.10.0.20`.",
                          "type": "string",
                          "pattern": "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$"
                        },
                        "hostname": {
                          "description": "Host name given to the client with the lease (a DNS label).",
                          "type": "string",
                          "minLength": 1,
                          "maxLength": 63,
                          "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
                        }
                      }
                    }
                  }
                }
              },
              "mtu": {
                "description": "MTU of the network in bytes, 576 to 9216. Default: libvirt's (normally 1500).",
                "type": "integer",
                "minimum": 576,
                "maximum": 9216
              },
              "domain": {
                "description": "DNS domain served by libvirt's dnsmasq for guests on this network. Example: `lab.example.com`.",
                "type": "string",
                "minLength": 1,
                "maxLength": 253,
                "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$"
              },
              "hosts": {
                "title": "HostSelection",
                "description": "Hosts that get the network. When omitted, every host that runs a VirtualMachine attached to it.",
                "type": "object",
                "additionalProperties": false,
                "minProperties": 1,
                "properties": {
                  "names": {
                    "description": "Host names (metadata.name of Host resources). Example: `[hv1, hv2]`.",
                    "type": "array",
                    "uniqueItems": true,
                    "items": {
                      "description": "A DNS label (RFC 1123): 1 to 63 lowercase letters, digits and `-`, starting and ending with a letter or digit. Example: `web-1`.",
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 63,
                      "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
                    }
                  },
                  "zones": {
                    "description": "Zone names; hosts whose `spec.zone` is one of them. Example: `[zone-a]`.",
                    "type": "array",
                    "uniqueItems": true,
                    "items": {
                      "description": "A DNS label (RFC 1123): 1 to 63 lowercase letters, digits and `-`, starting and ending with a letter or digit. Example: `web-1`.",
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 63,
                      "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
                    }
                  },
                  "selector": {
                    "description": "Host labels that must all match. Example: `{ disk: ssd }`.",
                    "type": "object",
                    "propertyNames": {
                      "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                      "type": "string",
                      "maxLength": 317,
                      "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                    },
                    "additionalProperties": {
                      "description": "A label value: at most 63 letters, digits, `-`, `_` and `.`. Example: `ssd`.",
                      "type": "string",
                      "maxLength": 63,
                      "pattern": "^[A-Za-z0-9._-]{0,63}$"
                    }
                  }
                }
              },
              "autostart": {
                "description": "Whether libvirt starts the network when the host boots.",
                "type": "boolean",
                "default": true
              }
            },
            "allOf": [
              {
                "if": {
                  "properties": {
                    "mode": {
                      "const": "bridge"
                    }
                  },
                  "required": [
                    "mode"
                  ]
                },
                "then": {
                  "required": [
                    "bridge"
                  ],
                  "properties": {
                    "bridge": true
                  }
                }
              },
              {
                "if": {
                  "properties": {
                    "mode": {
                      "enum": [
                        "nat",
                        "isolated",
                        "route"
                      ]
                    }
                  },
                  "required": [
                    "mode"
                  ]
                },
                "then": {
                  "required": [
                    "cidr"
                  ],
                  "properties": {
                    "cidr": true
                  }
                }
              },
              {
                "if": {
                  "properties": {
                    "mode": {
                      "const": "bridge"
                    }
                  },
                  "required": [
                    "mode"
                  ]
                },
                "then": {
                  "properties": {
                    "dhcp": false
                  }
                }
              }
            ]
          }
        }
      }
    },
    {
      "if": {
        "properties": {
          "apiVersion": {
            "const": "gitvirt.io/v1alpha1"
          },
          "kind": {
            "const": "VirtualMachine"
          }
        },
        "required": [
          "apiVersion",
          "kind"
        ]
      },
      "then": {
        "title": "VirtualMachine",
        "description": "One guest: a libvirt domain with its disks, network interfaces and cloud-init seed.",
        "type": "object",
        "additionalProperties": false,
        "required": [
          "apiVersion",
          "kind",
          "metadata",
          "spec"
        ],
        "properties": {
          "apiVersion": {
            "description": "API version of the resource model: `gitvirt.io/v1alpha1`.",
            "type": "string",
            "const": "gitvirt.io/v1alpha1"
          },
          "kind": {
            "description": "Kind of the resource: `VirtualMachine`.",
            "type": "string",
            "const": "VirtualMachine"
          },
          "metadata": {
            "title": "ObjectMeta",
            "description": "Name, labels and annotations of the VM. The name is also the libvirt domain name.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "description": "Name of the resource, unique per kind in the repository. A DNS label: 1 to 63 lowercase letters, digits and `-`, starting and ending with a letter or digit. Example: `web-1`.",
                "type": "string",
                "minLength": 1,
                "maxLength": 63,
                "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
              },
              "labels": {
                "description": "Labels of the resource. On a Host they are matched by `selector` fields of VirtualMachine placement, Cluster zones, Network and Image host selections. Example: `{ disk: ssd }`.",
                "type": "object",
                "propertyNames": {
                  "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                  "type": "string",
                  "maxLength": 317,
                  "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                },
                "additionalProperties": {
                  "description": "A label value: at most 63 letters, digits, `-`, `_` and `.`. Example: `ssd`.",
                  "type": "string",
                  "maxLength": 63,
                  "pattern": "^[A-Za-z0-9._-]{0,63}$"
                }
              },
              "annotations": {
                "description": "Free-form notes for tools and people; gitvirt does not interpret them.",
                "type": "object",
                "propertyNames": {
                  "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                  "type": "string",
                  "maxLength": 317,
                  "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                },
                "additionalProperties": {
                  "type": "string",
                  "maxLength": 4096
                }
              }
            }
          },
          "spec": {
            "description": "Where the VM runs and what it looks like.",
            "type": "object",
            "required": [
              "cpus",
              "memoryMiB",
              "placement"
            ],
            "properties": {
              "runStrategy": {
                "description": "Desired power state: `Always` (kept running: started when found stopped, and autostarted with the host), `Halted` (kept shut off), `Manual` (defined but never started or stopped by gitvirt).",
                "type": "string",
                "enum": [
                  "Always",
                  "Halted",
                  "Manual"
                ],
                "default": "Always"
              },
              "cpus": {
                "description": "Number of virtual CPUs, 1 to 512.",
                "type": "integer",
                "minimum": 1,
                "maximum": 512
              },
              "memoryMiB": {
                "description": "Memory in MiB, at least 64. Example: `2048` for 2 GiB.",
                "type": "integer",
                "minimum": 64,
                "maximum": 1073741824
              },
              "maxMemoryMiB": {
                "description": "Maximum memory in MiB that the VM can be ballooned up to without a restart; not below `memoryMiB`. Default: `memoryMiB`.",
                "type": "integer",
                "minimum": 64,
                "maximum": 1073741824
              },
              "cpuTune": {
                "title": "CpuTune",
                "description": "CPU scheduling weight and vCPU pinning.",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "shares": {
                    "description": "Relative CPU weight against other VMs on the host, 2 to 262144 (libvirt `<shares>`; the host default is 1024 or 100 depending on cgroup version).",
                    "type": "integer",
                    "minimum": 2,
                    "maximum": 262144
                  },
                  "pinning": {
                    "description": "Host CPUs each vCPU may run on. vCPUs not listed float over all host CPUs.",
                    "type": "array",
                    "items": {
                      "title": "VcpuPin",
                      "description": "Pins one vCPU to a set of host CPUs.",
                      "type": "object",
                      "additionalProperties": false,
                      "required": [
                        "vcpu",
                        "cpuset"
                      ],
                      "properties": {
                        "vcpu": {
                          "description": "vCPU number, from 0 to `cpus` - 1.",
                          "type": "integer",
                          "minimum": 0,
                          "maximum": 511
                        },
                        "cpuset": {
                          "description": "Host CPUs as a comma-separated list of numbers and ranges. Example: `0-3,8`.",
                          "type": "string",
                          "maxLength": 1024,
                          "pattern": "^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$"
                        }
                      }
                    }
                  }
                }
              },
              "disks": {
                "description": "Disks in target order (the first is `vda`, or `sda` on sata/scsi). At least one unless `boot` is set. Disk names must be unique within the VM.",
                "type": "array",
                "maxItems": 26,
                "items": {
                  "title": "Disk",
                  "description": "A disk volume in the gitvirt storage pool: empty, or created from an Image.",
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "name"
                  ],
                  "properties": {
                    "name": {
                      "description": "Name of the disk, unique within the VM (a DNS label); the volume is named `<vm>-<name>`. Example: `root`.",
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 63,
                      "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
                    },
                    "image": {
                      "description": "Name of the Image the disk is created from. When omitted, the disk is empty and `sizeGiB` is required.",
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 63,
                      "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
                    },
                    "mode": {
                      "description": "How the disk is created from `image`: `overlay` (a qcow2 overlay backed by the shared image volume; fast, small) or `copy` (a full independent copy). Only with `image`.",
                      "type": "string",
                      "enum": [
                        "overlay",
                        "copy"
                      ],
                      "default": "overlay"
                    },
                    "sizeGiB": {
                      "description": "Size of the disk in GiB (may be fractional, e.g. `0.5`). Required without `image`; with `image`, the disk is grown to this size (it is never shrunk). Default with `image`: the image's virtual size.",
                      "type": "number",
                      "exclusiveMinimum": 0,
                      "maximum": 65536
                    },
                    "bus": {
                      "description": "Bus the disk is attached to: `virtio` (targets `vda`, `vdb`...), `sata` or `scsi` (targets `sda`, `sdb`...).",
                      "type": "string",
                      "enum": [
                        "virtio",
                        "sata",
                        "scsi"
                      ],
                      "default": "virtio"
                    },
                    "iotune": {
                      "title": "DiskIOTune",
                      "description": "I/O limits of the disk; unset limits are unlimited.",
                      "type": "object",
                      "additionalProperties": false,
                      "minProperties": 1,
                      "properties": {
                        "totalBytesSec": {
                          "description": "Total throughput limit in bytes per second.",
                          "type": "integer",
                          "minimum": 0
                        },
                        "readBytesSec": {
                          "description": "Read throughput limit in bytes per second; not together with `totalBytesSec`.",
                          "type": "integer",
                          "minimum": 0
                        },
                        "writeBytesSec": {
                          "description": "Write throughput limit in bytes per second; not together with `totalBytesSec`.",
                          "type": "integer",
                          "minimum": 0
                        },
                        "totalIopsSec": {
                          "description": "Total I/O operations per second limit.",
                          "type": "integer",
                          "minimum": 0
                        },
                        "readIopsSec": {
                          "description": "Read I/O operations per second limit; not together with `totalIopsSec`.",
                          "type": "integer",
                          "minimum": 0
                        },
                        "writeIopsSec": {
                          "description": "Write I/O operations per second limit; not together with `totalIopsSec`.",
                          "type": "integer",
                          "minimum": 0
                        }
                      },
                      "allOf": [
                        {
                          "if": {
                            "required": [
                              "totalBytesSec"
                            ],
                            "properties": {
                              "totalBytesSec": true
                            }
                          },
                          "then": {
                            "properties": {
                              "readBytesSec": false,
                              "writeBytesSec": false
                            }
                          }
                        },
                        {
                          "if": {
                            "required": [
                              "totalIopsSec"
                            ],
                            "properties": {
                              "totalIopsSec": true
                            }
                          },
                          "then": {
                            "properties": {
                              "readIopsSec": false,
                              "writeIopsSec": false
                            }
                          }
                        }
                      ]
                    },
                    "deleteOnRemove": {
                      "description": "When true, the disk volume is deleted when the disk or the VM is removed from the repository; when false it is kept and reported as orphaned.",
                      "type": "boolean",
                      "default": false
                    }
                  },
                  "allOf": [
                    {
                      "if": {
                        "required": [
                          "image"
                        ],
                        "properties": {
                          "image": true
                        }
                      },
                      "else": {
                        "required": [
                          "sizeGiB"
                        ],
                        "properties": {
                          "sizeGiB": true
                        }
                      }
                    },
                    {
                      "if": {
                        "required": [
                          "mode"
                        ],
                        "properties": {
                          "mode": true
                        }
                      },
                      "then": {
                        "required": [
                          "image"
                        ],
                        "properties": {
                          "image": true
                        }
                      }
                    }
                  ]
                }
              },
              "interfaces": {
                "description": "Network interfaces in PCI order; the first is normally `eth0`/`enp1s0` in the guest.",
                "type": "array",
                "maxItems": 32,
                "items": {
                  "title": "NetworkInterface",
                  "description": "A virtual network card attached to a gitvirt Network.",
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "network"
                  ],
                  "properties": {
                    "network": {
                      "description": "Name of the Network to attach to.",
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 63,
                      "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
                    },
                    "mac": {
                      "description": "MAC address, lowercase. Default: derived stably from the VM name and interface index with prefix `52:54:00`.",
                      "type": "string",
                      "pattern": "^[0-9a-f][02468ace](:[0-9a-f]{2}){5}$"
                    },
                    "ip": {
                      "description": "Static IPv4 address inside the network's `cidr`. On a network with `dhcp`, it is handed out as a DHCP reservation for this interface's MAC. Example: `10.10.0.20`.",
                      "type": "string",
                      "pattern": "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$"
                    },
                    "model": {
                      "description": "Emulated NIC model: `virtio` (fast, needs guest drivers) or `e1000`.",
                      "type": "string",
                      "enum": [
                        "virtio",
                        "e1000"
                      ],
                      "default": "virtio"
                    }
                  }
                }
              },
              "cloudInit": {
                "title": "CloudInit",
                "description": "cloud-init configuration delivered on a NoCloud seed ISO attached as a CD-ROM. When omitted, no seed is attached.",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "hostname": {
                    "description": "Guest host name (a DNS name; the first label is the short name). Default: the VM name.",
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 253,
                    "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$"
                  },
                  "users": {
                    "description": "Users to create in the guest.",
                    "type": "array",
                    "items": {
                      "title": "CloudInitUser",
                      "description": "A user created by cloud-init in the guest.",
                      "type": "object",
                      "additionalProperties": false,
                      "required": [
                        "name"
                      ],
                      "properties": {
                        "name": {
                          "description": "User name (POSIX). Example: `ops`.",
                          "type": "string",
                          "pattern": "^[a-z_][a-z0-9_-]{0,31}$"
                        },
                        "sshAuthorizedKeys": {
                          "description": "SSH public keys authorised for this user.",
                          "type": "array",
                          "items": {
                            "description": "An OpenSSH public key line: key type, base64 key and an optional comment of letters, digits, spaces and `@._:+=/-`. Example: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... ops@example`.",
                            "type": "string",
                            "maxLength": 16384,
                            "pattern": "^(ssh-ed25519|ssh-rsa|ssh-dss|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com|sk-ecdsa-sha2-nistp256@openssh\\.com) AAAA[A-Za-z0-9+/]+={0,3}( [A-Za-z0-9@._:+=/-][A-Za-z0-9@._:+=/ -]{0,254})?$"
                          }
                        },
                        "sudo": {
                          "description": "sudoers rule for the user; letters, digits, spaces and `_=(),:!/.@%+*-` only. Example: `ALL=(ALL) NOPASSWD:ALL`.",
                          "type": "string",
                          "maxLength": 1024,
                          "pattern": "^[A-Za-z0-9 _=(),:!/.@%+*-]+$"
                        },
                        "groups": {
                          "description": "Supplementary groups of the user. Example: `[adm, sudo]`.",
                          "type": "array",
                          "items": {
                            "description": "A POSIX user or group name: a lowercase letter or `_`, then up to 31 lowercase letters, digits, `_` and `-`. Example: `ops`.",
                            "type": "string",
                            "pattern": "^[a-z_][a-z0-9_-]{0,31}$"
                          }
                        },
                        "shell": {
                          "description": "Login shell of the user. Example: `/bin/bash`.",
                          "type": "string",
                          "maxLength": 4096,
                          "pattern": "^(/([A-Za-z0-9_-][A-Za-z0-9._-]*|\\.[A-Za-z0-9_-][A-Za-z0-9._-]*|\\.\\.[A-Za-z0-9._-]+))+$"
                        }
                      }
                    }
                  },
                  "sshAuthorizedKeys": {
                    "description": "SSH public keys authorised for the image's default user.",
                    "type": "array",
                    "items": {
                      "description": "An OpenSSH public key line: key type, base64 key and an optional comment of letters, digits, spaces and `@._:+=/-`. Example: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... ops@example`.",
                      "type": "string",
                      "maxLength": 16384,
                      "pattern": "^(ssh-ed25519|ssh-rsa|ssh-dss|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com|sk-ecdsa-sha2-nistp256@openssh\\.com) AAAA[A-Za-z0-9+/]+={0,3}( [A-Za-z0-9@._:+=/-][A-Za-z0-9@._:+=/ -]{0,254})?$"
                    }
                  },
                  "userData": {
                    "description": "Raw cloud-config YAML (without or with the `#cloud-config` header), merged last over what gitvirt generates from the fields above. At most 65536 characters. Do not put secrets here: manifests live in git.",
                    "type": "string",
                    "maxLength": 65536
                  },
                  "networkConfig": {
                    "description": "cloud-init network configuration (version 2, netplan-style) written as `network-config` on the seed. When omitted, the guest uses DHCP on its interfaces.",
                    "type": "object"
                  }
                }
              },
              "boot": {
                "title": "DirectBoot",
                "description": "Direct kernel boot from files on the host instead of booting from the first disk.",
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "kernel"
                ],
                "properties": {
                  "kernel": {
                    "description": "Absolute path of the kernel image on the host. Example: `/srv/boot/vmlinuz`.",
                    "type": "string",
                    "maxLength": 4096,
                    "pattern": "^(/([A-Za-z0-9_-][A-Za-z0-9._-]*|\\.[A-Za-z0-9_-][A-Za-z0-9._-]*|\\.\\.[A-Za-z0-9._-]+))+$"
                  },
                  "initrd": {
                    "description": "Absolute path of the initial ramdisk on the host. Example: `/srv/boot/initrd.img`.",
                    "type": "string",
                    "maxLength": 4096,
                    "pattern": "^(/([A-Za-z0-9_-][A-Za-z0-9._-]*|\\.[A-Za-z0-9_-][A-Za-z0-9._-]*|\\.\\.[A-Za-z0-9._-]+))+$"
                  },
                  "cmdline": {
                    "description": "Kernel command line, at most 2048 characters; letters, digits, spaces and `_=,.:/+@%*#~[]{}()!?^-` only (no quotes, `;`, `$`, `<`, `>`, `&`, `|`, backticks or control characters). Example: `console=ttyS0 root=/dev/vda1`.",
                    "type": "string",
                    "maxLength": 2048,
                    "pattern": "^[A-Za-z0-9 _=,.:/+@%*#~\\[\\]{}()!?^-]*$"
                  }
                }
              },
              "health": {
                "title": "HealthCheck",
                "description": "A probe run from the host against the VM's address; its result is the VM's Ready condition and gates Cluster rolling updates.",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "http": {
                    "title": "HttpProbe",
                    "description": "Probe an HTTP endpoint of the VM.",
                    "type": "object",
                    "additionalProperties": false,
                    "required": [
                      "port"
                    ],
                    "properties": {
                      "port": {
                        "description": "TCP port of the HTTP endpoint, 1 to 65535.",
                        "type": "integer",
                        "minimum": 1,
                        "maximum": 65535
                      },
                      "path": {
                        "description": "Request path starting with `/`; letters, digits and `-._~%!&()*+,=:@/?` only. Example: `/healthz`.",
                        "type": "string",
                        "maxLength": 2048,
                        "pattern": "^/[A-Za-z0-9._~%!&()*+,=:@/?-]*$",
                        "default": "/"
                      },
                      "expectStatus": {
                        "description": "Expected HTTP status code, 100 to 599.",
                        "type": "integer",
                        "minimum": 100,
                        "maximum": 599,
                        "default": 200
                      }
                    }
                  },
                  "tcp": {
                    "title": "TcpProbe",
                    "description": "Probe that a TCP port of the VM accepts connections.",
                    "type": "object",
                    "additionalProperties": false,
                    "required": [
                      "port"
                    ],
                    "properties": {
                      "port": {
                        "description": "TCP port to connect to, 1 to 65535.",
                        "type": "integer",
                        "minimum": 1,
                        "maximum": 65535
                      }
                    }
                  },
                  "periodSeconds": {
                    "description": "Seconds between probes, 1 to 3600.",
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 3600,
                    "default": 5
                  },
                  "timeoutSeconds": {
                    "description": "Seconds after which one probe counts as failed, 1 to 3600.",
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 3600,
                    "default": 3
                  },
                  "initialDelaySeconds": {
                    "description": "Seconds to wait after the VM starts before the first probe, 0 to 86400.",
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 86400,
                    "default": 0
                  }
                },
                "oneOf": [
                  {
                    "required": [
                      "http"
                    ],
                    "properties": {
                      "http": true
                    }
                  },
                  {
                    "required": [
                      "tcp"
                    ],
                    "properties": {
                      "tcp": true
                    }
                  }
                ]
              },
              "deletionProtection": {
                "description": "When true, gitvirt refuses to delete the VM (or its disks) when it disappears from the repository; set it to false first.",
                "type": "boolean",
                "default": false
              },
              "restartPolicy": {
                "description": "What to do when a change needs a restart (CPU count, disks, machine type...): `Automatic` shuts the VM down gracefully and starts it again now; `Manual` applies the change to the stored definition and reports `RestartRequired` until someone restarts it.",
                "type": "string",
                "enum": [
                  "Automatic",
                  "Manual"
                ],
                "default": "Automatic"
              },
              "shutdownTimeoutSeconds": {
                "description": "Seconds to wait for a graceful (ACPI) shutdown before the VM is forcibly stopped, 0 to 3600.",
                "type": "integer",
                "minimum": 0,
                "maximum": 3600,
                "default": 60
              },
              "selfHeal": {
                "description": "When true, changes made to the VM outside gitvirt (drift) are corrected on every cycle; when false they are only reported.",
                "type": "boolean",
                "default": true
              },
              "domainType": {
                "description": "libvirt domain type: `kvm` (hardware virtualisation), `qemu` (software emulation, slow), or `auto` (kvm when the host's domain capabilities offer it, else qemu).",
                "type": "string",
                "enum": [
                  "auto",
                  "kvm",
                  "qemu"
                ],
                "default": "auto"
              },
              "machine": {
                "description": "QEMU machine type: lowercase letters, digits, `.`, `_` and `-`. Example: `q35`, `pc-q35-8.2`.",
                "type": "string",
                "maxLength": 64,
                "pattern": "^[a-z0-9][a-z0-9._-]*$",
                "default": "q35"
              },
              "migration": {
                "title": "MigrationPolicy",
                "description": "How the VM moves when it must leave its host (the host drains, or its placement no longer holds): by cold migration, with its disks copied or recreated.",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "disks": {
                    "description": "`copy` moves the VM's own volumes (overlays, copies and blank data disks) to the new host, verified by size and sha256, so its data goes with it; `recreate` creates fresh disks from the image on the new host (cloud-init runs again) and deletes the old ones, so disk contents are lost.",
                    "type": "string",
                    "enum": [
                      "copy",
                      "recreate"
                    ],
                    "default": "copy"
                  }
                }
              },
              "placement": {
                "title": "Placement",
                "description": "Where the VM may run: a host by name, or a zone and/or host label selector for the scheduler. At least one key. Once placed, a VM stays on its host while the host still qualifies.",
                "type": "object",
                "additionalProperties": false,
                "minProperties": 1,
                "properties": {
                  "host": {
                    "description": "Name of the Host to run on.",
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 63,
                    "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
                  },
                  "zone": {
                    "description": "Zone the host must be in (`spec.zone` of the Host).",
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 63,
                    "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
                  },
                  "selector": {
                    "description": "Host labels that must all match. Example: `{ disk: ssd }`.",
                    "type": "object",
                    "propertyNames": {
                      "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                      "type": "string",
                      "maxLength": 317,
                      "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                    },
                    "additionalProperties": {
                      "description": "A label value: at most 63 letters, digits, `-`, `_` and `.`. Example: `ssd`.",
                      "type": "string",
                      "maxLength": 63,
                      "pattern": "^[A-Za-z0-9._-]{0,63}$"
                    }
                  }
                }
              }
            },
            "title": "VirtualMachineSpec",
            "additionalProperties": false,
            "allOf": [
              {
                "if": {
                  "required": [
                    "boot"
                  ],
                  "properties": {
                    "boot": true
                  }
                },
                "else": {
                  "required": [
                    "disks"
                  ],
                  "properties": {
                    "disks": {
                      "type": "array",
                      "minItems": 1
                    }
                  }
                }
              }
            ]
          }
        }
      }
    },
    {
      "if": {
        "properties": {
          "apiVersion": {
            "const": "gitvirt.io/v1alpha1"
          },
          "kind": {
            "const": "Cluster"
          }
        },
        "required": [
          "apiVersion",
          "kind"
        ]
      },
      "then": {
        "title": "Cluster",
        "description": "A replicated group of VirtualMachines spread over zones, updated zone by zone.",
        "type": "object",
        "additionalProperties": false,
        "required": [
          "apiVersion",
          "kind",
          "metadata",
          "spec"
        ],
        "properties": {
          "apiVersion": {
            "description": "API version of the resource model: `gitvirt.io/v1alpha1`.",
            "type": "string",
            "const": "gitvirt.io/v1alpha1"
          },
          "kind": {
            "description": "Kind of the resource: `Cluster`.",
            "type": "string",
            "const": "Cluster"
          },
          "metadata": {
            "title": "ObjectMeta",
            "description": "Name, labels and annotations of the cluster. Members are named `<cluster>-<zone>-<n>`, which must stay within 63 characters.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "description": "Name of the resource, unique per kind in the repository. A DNS label: 1 to 63 lowercase letters, digits and `-`, starting and ending with a letter or digit. Example: `web-1`.",
                "type": "string",
                "minLength": 1,
                "maxLength": 63,
                "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
              },
              "labels": {
                "description": "Labels of the resource. On a Host they are matched by `selector` fields of VirtualMachine placement, Cluster zones, Network and Image host selections. Example: `{ disk: ssd }`.",
                "type": "object",
                "propertyNames": {
                  "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                  "type": "string",
                  "maxLength": 317,
                  "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                },
                "additionalProperties": {
                  "description": "A label value: at most 63 letters, digits, `-`, `_` and `.`. Example: `ssd`.",
                  "type": "string",
                  "maxLength": 63,
                  "pattern": "^[A-Za-z0-9._-]{0,63}$"
                }
              },
              "annotations": {
                "description": "Free-form notes for tools and people; gitvirt does not interpret them.",
                "type": "object",
                "propertyNames": {
                  "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                  "type": "string",
                  "maxLength": 317,
                  "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                },
                "additionalProperties": {
                  "type": "string",
                  "maxLength": 4096
                }
              }
            }
          },
          "spec": {
            "title": "ClusterSpec",
            "description": "The member template, zones and update strategy.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "template",
              "zones"
            ],
            "properties": {
              "template": {
                "title": "ClusterTemplate",
                "description": "Template of every member VM.",
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "spec"
                ],
                "properties": {
                  "metadata": {
                    "title": "ClusterTemplateMeta",
                    "description": "Labels and annotations given to every member.",
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                      "labels": {
                        "description": "Labels of every member VM, merged over the Cluster's own labels.",
                        "type": "object",
                        "propertyNames": {
                          "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                          "type": "string",
                          "maxLength": 317,
                          "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                        },
                        "additionalProperties": {
                          "description": "A label value: at most 63 letters, digits, `-`, `_` and `.`. Example: `ssd`.",
                          "type": "string",
                          "maxLength": 63,
                          "pattern": "^[A-Za-z0-9._-]{0,63}$"
                        }
                      },
                      "annotations": {
                        "description": "Annotations of every member VM.",
                        "type": "object",
                        "propertyNames": {
                          "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                          "type": "string",
                          "maxLength": 317,
                          "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                        },
                        "additionalProperties": {
                          "type": "string",
                          "maxLength": 4096
                        }
                      }
                    }
                  },
                  "spec": {
                    "description": "Spec of every member: a VirtualMachine spec without `placement` (placement comes from the zones).",
                    "type": "object",
                    "required": [
                      "cpus",
                      "memoryMiB"
                    ],
                    "properties": {
                      "runStrategy": {
                        "description": "Desired power state: `Always` (kept running: started when found stopped, and autostarted with the host), `Halted` (kept shut off), `Manual` (defined but never started or stopped by gitvirt).",
                        "type": "string",
                        "enum": [
                          "Always",
                          "Halted",
                          "Manual"
                        ],
                        "default": "Always"
                      },
                      "cpus": {
                        "description": "Number of virtual CPUs, 1 to 512.",
                        "type": "integer",
                        "minimum": 1,
                        "maximum": 512
                      },
                      "memoryMiB": {
                        "description": "Memory in MiB, at least 64. Example: `2048` for 2 GiB.",
                        "type": "integer",
                        "minimum": 64,
                        "maximum": 1073741824
                      },
                      "maxMemoryMiB": {
                        "description": "Maximum memory in MiB that the VM can be ballooned up to without a restart; not below `memoryMiB`. Default: `memoryMiB`.",
                        "type": "integer",
                        "minimum": 64,
                        "maximum": 1073741824
                      },
                      "cpuTune": {
                        "title": "CpuTune",
                        "description": "CPU scheduling weight and vCPU pinning.",
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "shares": {
                            "description": "Relative CPU weight against other VMs on the host, 2 to 262144 (libvirt `<shares>`; the host default is 1024 or 100 depending on cgroup version).",
                            "type": "integer",
                            "minimum": 2,
                            "maximum": 262144
                          },
                          "pinning": {
                            "description": "Host CPUs each vCPU may run on. vCPUs not listed float over all host CPUs.",
                            "type": "array",
                            "items": {
                              "title": "VcpuPin",
                              "description": "Pins one vCPU to a set of host CPUs.",
                              "type": "object",
                              "additionalProperties": false,
                              "required": [
                                "vcpu",
                                "cpuset"
                              ],
                              "properties": {
                                "vcpu": {
                                  "description": "vCPU number, from 0 to `cpus` - 1.",
                                  "type": "integer",
                                  "minimum": 0,
                                  "maximum": 511
                                },
                                "cpuset": {
                                  "description": "Host CPUs as a comma-separated list of numbers and ranges. Example: `0-3,8`.",
                                  "type": "string",
                                  "maxLength": 1024,
                                  "pattern": "^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$"
                                }
                              }
                            }
                          }
                        }
                      },
                      "disks": {
                        "description": "Disks in target order (the first is `vda`, or `sda` on sata/scsi). At least one unless `boot` is set. Disk names must be unique within the VM.",
                        "type": "array",
                        "maxItems": 26,
                        "items": {
                          "title": "Disk",
                          "description": "A disk volume in the gitvirt storage pool: empty, or created from an Image.",
                          "type": "object",
                          "additionalProperties": false,
                          "required": [
                            "name"
                          ],
                          "properties": {
                            "name": {
                              "description": "Name of the disk, unique within the VM (a DNS label); the volume is named `<vm>-<name>`. Example: `root`.",
                              "type": "string",
                              "minLength": 1,
                              "maxLength": 63,
                              "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
                            },
                            "image": {
                              "description": "Name of the Image the disk is created from. When omitted, the disk is empty and `sizeGiB` is required.",
                              "type": "string",
                              "minLength": 1,
                              "maxLength": 63,
                              "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
                            },
                            "mode": {
                              "description": "How the disk is created from `image`: `overlay` (a qcow2 overlay backed by the shared image volume; fast, small) or `copy` (a full independent copy). Only with `image`.",
                              "type": "string",
                              "enum": [
                                "overlay",
                                "copy"
                              ],
                              "default": "overlay"
                            },
                            "sizeGiB": {
                              "description": "Size of the disk in GiB (may be fractional, e.g. `0.5`). Required without `image`; with `image`, the disk is grown to this size (it is never shrunk). Default with `image`: the image's virtual size.",
                              "type": "number",
                              "exclusiveMinimum": 0,
                              "maximum": 65536
                            },
                            "bus": {
                              "description": "Bus the disk is attached to: `virtio` (targets `vda`, `vdb`...), `sata` or `scsi` (targets `sda`, `sdb`...).",
                              "type": "string",
                              "enum": [
                                "virtio",
                                "sata",
                                "scsi"
                              ],
                              "default": "virtio"
                            },
                            "iotune": {
                              "title": "DiskIOTune",
                              "description": "I/O limits of the disk; unset limits are unlimited.",
                              "type": "object",
                              "additionalProperties": false,
                              "minProperties": 1,
                              "properties": {
                                "totalBytesSec": {
                                  "description": "Total throughput limit in bytes per second.",
                                  "type": "integer",
                                  "minimum": 0
                                },
                                "readBytesSec": {
                                  "description": "Read throughput limit in bytes per second; not together with `totalBytesSec`.",
                                  "type": "integer",
                                  "minimum": 0
                                },
                                "writeBytesSec": {
                                  "description": "Write throughput limit in bytes per second; not together with `totalBytesSec`.",
                                  "type": "integer",
                                  "minimum": 0
                                },
                                "totalIopsSec": {
                                  "description": "Total I/O operations per second limit.",
                                  "type": "integer",
                                  "minimum": 0
                                },
                                "readIopsSec": {
                                  "description": "Read I/O operations per second limit; not together with `totalIopsSec`.",
                                  "type": "integer",
                                  "minimum": 0
                                },
                                "writeIopsSec": {
                                  "description": "Write I/O operations per second limit; not together with `totalIopsSec`.",
                                  "type": "integer",
                                  "minimum": 0
                                }
                              },
                              "allOf": [
                                {
                                  "if": {
                                    "required": [
                                      "totalBytesSec"
                                    ],
                                    "properties": {
                                      "totalBytesSec": true
                                    }
                                  },
                                  "then": {
                                    "properties": {
                                      "readBytesSec": false,
                                      "writeBytesSec": false
                                    }
                                  }
                                },
                                {
                                  "if": {
                                    "required": [
                                      "totalIopsSec"
                                    ],
                                    "properties": {
                                      "totalIopsSec": true
                                    }
                                  },
                                  "then": {
                                    "properties": {
                                      "readIopsSec": false,
                                      "writeIopsSec": false
                                    }
                                  }
                                }
                              ]
                            },
                            "deleteOnRemove": {
                              "description": "When true, the disk volume is deleted when the disk or the VM is removed from the repository; when false it is kept and reported as orphaned.",
                              "type": "boolean",
                              "default": false
                            }
                          },
                          "allOf": [
                            {
                              "if": {
                                "required": [
                                  "image"
                                ],
                                "properties": {
                                  "image": true
                                }
                              },
                              "else": {
                                "required": [
                                  "sizeGiB"
                                ],
                                "properties": {
                                  "sizeGiB": true
                                }
                              }
                            },
                            {
                              "if": {
                                "required": [
                                  "mode"
                                ],
                                "properties": {
                                  "mode": true
                                }
                              },
                              "then": {
                                "required": [
                                  "image"
                                ],
                                "properties": {
                                  "image": true
                                }
                              }
                            }
                          ]
                        }
                      },
                      "interfaces": {
                        "description": "Network interfaces in PCI order; the first is normally `eth0`/`enp1s0` in the guest.",
                        "type": "array",
                        "maxItems": 32,
                        "items": {
                          "title": "NetworkInterface",
                          "description": "A virtual network card attached to a gitvirt Network.",
                          "type": "object",
                          "additionalProperties": false,
                          "required": [
                            "network"
                          ],
                          "properties": {
                            "network": {
                              "description": "Name of the Network to attach to.",
                              "type": "string",
                              "minLength": 1,
                              "maxLength": 63,
                              "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
                            },
                            "mac": {
                              "description": "MAC address, lowercase. Default: derived stably from the VM name and interface index with prefix `52:54:00`.",
                              "type": "string",
                              "pattern": "^[0-9a-f][02468ace](:[0-9a-f]{2}){5}$"
                            },
                            "ip": {
                              "description": "Static IPv4 address inside the network's `cidr`. On a network with `dhcp`, it is handed out as a DHCP reservation for this interface's MAC. Example: `10.10.0.20`.",
                              "type": "string",
                              "pattern": "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$"
                            },
                            "model": {
                              "description": "Emulated NIC model: `virtio` (fast, needs guest drivers) or `e1000`.",
                              "type": "string",
                              "enum": [
                                "virtio",
                                "e1000"
                              ],
                              "default": "virtio"
                            }
                          }
                        }
                      },
                      "cloudInit": {
                        "title": "CloudInit",
                        "description": "cloud-init configuration delivered on a NoCloud seed ISO attached as a CD-ROM. When omitted, no seed is attached.",
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "hostname": {
                            "description": "Guest host name (a DNS name; the first label is the short name). Default: the VM name.",
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 253,
                            "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$"
                          },
                          "users": {
                            "description": "Users to create in the guest.",
                            "type": "array",
                            "items": {
                              "title": "CloudInitUser",
                              "description": "A user created by cloud-init in the guest.",
                              "type": "object",
                              "additionalProperties": false,
                              "required": [
                                "name"
                              ],
                              "properties": {
                                "name": {
                                  "description": "User name (POSIX). Example: `ops`.",
                                  "type": "string",
                                  "pattern": "^[a-z_][a-z0-9_-]{0,31}$"
                                },
                                "sshAuthorizedKeys": {
                                  "description": "SSH public keys authorised for this user.",
                                  "type": "array",
                                  "items": {
                                    "description": "An OpenSSH public key line: key type, base64 key and an optional comment of letters, digits, spaces and `@._:+=/-`. Example: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... ops@example`.",
                                    "type": "string",
                                    "maxLength": 16384,
                                    "pattern": "^(ssh-ed25519|ssh-rsa|ssh-dss|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com|sk-ecdsa-sha2-nistp256@openssh\\.com) AAAA[A-Za-z0-9+/]+={0,3}( [A-Za-z0-9@._:+=/-][A-Za-z0-9@._:+=/ -]{0,254})?$"
                                  }
                                },
                                "sudo": {
                                  "description": "sudoers rule for the user; letters, digits, spaces and `_=(),:!/.@%+*-` only. Example: `ALL=(ALL) NOPASSWD:ALL`.",
                                  "type": "string",
                                  "maxLength": 1024,
                                  "pattern": "^[A-Za-z0-9 _=(),:!/.@%+*-]+$"
                                },
                                "groups": {
                                  "description": "Supplementary groups of the user. Example: `[adm, sudo]`.",
                                  "type": "array",
                                  "items": {
                                    "description": "A POSIX user or group name: a lowercase letter or `_`, then up to 31 lowercase letters, digits, `_` and `-`. Example: `ops`.",
                                    "type": "string",
                                    "pattern": "^[a-z_][a-z0-9_-]{0,31}$"
                                  }
                                },
                                "shell": {
                                  "description": "Login shell of the user. Example: `/bin/bash`.",
                                  "type": "string",
                                  "maxLength": 4096,
                                  "pattern": "^(/([A-Za-z0-9_-][A-Za-z0-9._-]*|\\.[A-Za-z0-9_-][A-Za-z0-9._-]*|\\.\\.[A-Za-z0-9._-]+))+$"
                                }
                              }
                            }
                          },
                          "sshAuthorizedKeys": {
                            "description": "SSH public keys authorised for the image's default user.",
                            "type": "array",
                            "items": {
                              "description": "An OpenSSH public key line: key type, base64 key and an optional comment of letters, digits, spaces and `@._:+=/-`. Example: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... ops@example`.",
                              "type": "string",
                              "maxLength": 16384,
                              "pattern": "^(ssh-ed25519|ssh-rsa|ssh-dss|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com|sk-ecdsa-sha2-nistp256@openssh\\.com) AAAA[A-Za-z0-9+/]+={0,3}( [A-Za-z0-9@._:+=/-][A-Za-z0-9@._:+=/ -]{0,254})?$"
                            }
                          },
                          "userData": {
                            "description": "Raw cloud-config YAML (without or with the `#cloud-config` header), merged last over what gitvirt generates from the fields above. At most 65536 characters. Do not put secrets here: manifests live in git.",
                            "type": "string",
                            "maxLength": 65536
                          },
                          "networkConfig": {
                            "description": "cloud-init network configuration (version 2, netplan-style) written as `network-config` on the seed. When omitted, the guest uses DHCP on its interfaces.",
                            "type": "object"
                          }
                        }
                      },
                      "boot": {
                        "title": "DirectBoot",
                        "description": "Direct kernel boot from files on the host instead of booting from the first disk.",
                        "type": "object",
                        "additionalProperties": false,
                        "required": [
                          "kernel"
                        ],
                        "properties": {
                          "kernel": {
                            "description": "Absolute path of the kernel image on the host. Example: `/srv/boot/vmlinuz`.",
                            "type": "string",
                            "maxLength": 4096,
                            "pattern": "^(/([A-Za-z0-9_-][A-Za-z0-9._-]*|\\.[A-Za-z0-9_-][A-Za-z0-9._-]*|\\.\\.[A-Za-z0-9._-]+))+$"
                          },
                          "initrd": {
                            "description": "Absolute path of the initial ramdisk on the host. Example: `/srv/boot/initrd.img`.",
                            "type": "string",
                            "maxLength": 4096,
                            "pattern": "^(/([A-Za-z0-9_-][A-Za-z0-9._-]*|\\.[A-Za-z0-9_-][A-Za-z0-9._-]*|\\.\\.[A-Za-z0-9._-]+))+$"
                          },
                          "cmdline": {
                            "description": "Kernel command line, at most 2048 characters; letters, digits, spaces and `_=,.:/+@%*#~[]{}()!?^-` only (no quotes, `;`, `$`, `<`, `>`, `&`, `|`, backticks or control characters). Example: `console=ttyS0 root=/dev/vda1`.",
                            "type": "string",
                            "maxLength": 2048,
                            "pattern": "^[A-Za-z0-9 _=,.:/+@%*#~\\[\\]{}()!?^-]*$"
                          }
                        }
                      },
                      "health": {
                        "title": "HealthCheck",
                        "description": "A probe run from the host against the VM's address; its result is the VM's Ready condition and gates Cluster rolling updates.",
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "http": {
                            "title": "HttpProbe",
                            "description": "Probe an HTTP endpoint of the VM.",
                            "type": "object",
                            "additionalProperties": false,
                            "required": [
                              "port"
                            ],
                            "properties": {
                              "port": {
                                "description": "TCP port of the HTTP endpoint, 1 to 65535.",
                                "type": "integer",
                                "minimum": 1,
                                "maximum": 65535
                              },
                              "path": {
                                "description": "Request path starting with `/`; letters, digits and `-._~%!&()*+,=:@/?` only. Example: `/healthz`.",
                                "type": "string",
                                "maxLength": 2048,
                                "pattern": "^/[A-Za-z0-9._~%!&()*+,=:@/?-]*$",
                                "default": "/"
                              },
                              "expectStatus": {
                                "description": "Expected HTTP status code, 100 to 599.",
                                "type": "integer",
                                "minimum": 100,
                                "maximum": 599,
                                "default": 200
                              }
                            }
                          },
                          "tcp": {
                            "title": "TcpProbe",
                            "description": "Probe that a TCP port of the VM accepts connections.",
                            "type": "object",
                            "additionalProperties": false,
                            "required": [
                              "port"
                            ],
                            "properties": {
                              "port": {
                                "description": "TCP port to connect to, 1 to 65535.",
                                "type": "integer",
                                "minimum": 1,
                                "maximum": 65535
                              }
                            }
                          },
                          "periodSeconds": {
                            "description": "Seconds between probes, 1 to 3600.",
                            "type": "integer",
                            "minimum": 1,
                            "maximum": 3600,
                            "default": 5
                          },
                          "timeoutSeconds": {
                            "description": "Seconds after which one probe counts as failed, 1 to 3600.",
                            "type": "integer",
                            "minimum": 1,
                            "maximum": 3600,
                            "default": 3
                          },
                          "initialDelaySeconds": {
                            "description": "Seconds to wait after the VM starts before the first probe, 0 to 86400.",
                            "type": "integer",
                            "minimum": 0,
                            "maximum": 86400,
                            "default": 0
                          }
                        },
                        "oneOf": [
                          {
                            "required": [
                              "http"
                            ],
                            "properties": {
                              "http": true
                            }
                          },
                          {
                            "required": [
                              "tcp"
                            ],
                            "properties": {
                              "tcp": true
                            }
                          }
                        ]
                      },
                      "deletionProtection": {
                        "description": "When true, gitvirt refuses to delete the VM (or its disks) when it disappears from the repository; set it to false first.",
                        "type": "boolean",
                        "default": false
                      },
                      "restartPolicy": {
                        "description": "What to do when a change needs a restart (CPU count, disks, machine type...): `Automatic` shuts the VM down gracefully and starts it again now; `Manual` applies the change to the stored definition and reports `RestartRequired` until someone restarts it.",
                        "type": "string",
                        "enum": [
                          "Automatic",
                          "Manual"
                        ],
                        "default": "Automatic"
                      },
                      "shutdownTimeoutSeconds": {
                        "description": "Seconds to wait for a graceful (ACPI) shutdown before the VM is forcibly stopped, 0 to 3600.",
                        "type": "integer",
                        "minimum": 0,
                        "maximum": 3600,
                        "default": 60
                      },
                      "selfHeal": {
                        "description": "When true, changes made to the VM outside gitvirt (drift) are corrected on every cycle; when false they are only reported.",
                        "type": "boolean",
                        "default": true
                      },
                      "domainType": {
                        "description": "libvirt domain type: `kvm` (hardware virtualisation), `qemu` (software emulation, slow), or `auto` (kvm when the host's domain capabilities offer it, else qemu).",
                        "type": "string",
                        "enum": [
                          "auto",
                          "kvm",
                          "qemu"
                        ],
                        "default": "auto"
                      },
                      "machine": {
                        "description": "QEMU machine type: lowercase letters, digits, `.`, `_` and `-`. Example: `q35`, `pc-q35-8.2`.",
                        "type": "string",
                        "maxLength": 64,
                        "pattern": "^[a-z0-9][a-z0-9._-]*$",
                        "default": "q35"
                      },
                      "migration": {
                        "title": "MigrationPolicy",
                        "description": "How the VM moves when it must leave its host (the host drains, or its placement no longer holds): by cold migration, with its disks copied or recreated.",
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                          "disks": {
                            "description": "`copy` moves the VM's own volumes (overlays, copies and blank data disks) to the new host, verified by size and sha256, so its data goes with it; `recreate` creates fresh disks from the image on the new host (cloud-init runs again) and deletes the old ones, so disk contents are lost.",
                            "type": "string",
                            "enum": [
                              "copy",
                              "recreate"
                            ],
                            "default": "copy"
                          }
                        }
                      }
                    },
                    "title": "ClusterMemberSpec",
                    "additionalProperties": false,
                    "allOf": [
                      {
                        "if": {
                          "required": [
                            "boot"
                          ],
                          "properties": {
                            "boot": true
                          }
                        },
                        "else": {
                          "required": [
                            "disks"
                          ],
                          "properties": {
                            "disks": {
                              "type": "array",
                              "minItems": 1
                            }
                          }
                        }
                      }
                    ]
                  }
                }
              },
              "zones": {
                "description": "Zones the members run in; members of a zone are placed on hosts of that zone. Zone names must be unique.",
                "type": "array",
                "minItems": 1,
                "items": {
                  "title": "ClusterZone",
                  "description": "How many members run in one zone and their role.",
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "name",
                    "replicas"
                  ],
                  "properties": {
                    "name": {
                      "description": "Zone name (`spec.zone` of the hosts). Example: `zone-a`.",
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 63,
                      "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
                    },
                    "replicas": {
                      "description": "Number of members in this zone, 0 to 1000.",
                      "type": "integer",
                      "minimum": 0,
                      "maximum": 1000
                    },
                    "role": {
                      "description": "Role of the zone's members: `active` (serving) or `standby`. Standby zones are updated first by default.",
                      "type": "string",
                      "enum": [
                        "active",
                        "standby"
                      ],
                      "default": "standby"
                    },
                    "selector": {
                      "description": "Additional host labels that the zone's hosts must match. Example: `{ disk: ssd }`.",
                      "type": "object",
                      "propertyNames": {
                        "description": "A label or annotation key: an optional DNS-name prefix and `/`, then 1 to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. Example: `gitvirt.io/tier`.",
                        "type": "string",
                        "maxLength": 317,
                        "pattern": "^([a-z0-9.-]{1,253}/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
                      },
                      "additionalProperties": {
                        "description": "A label value: at most 63 letters, digits, `-`, `_` and `.`. Example: `ssd`.",
                        "type": "string",
                        "maxLength": 63,
                        "pattern": "^[A-Za-z0-9._-]{0,63}$"
                      }
                    }
                  }
                }
              },
              "antiAffinity": {
                "description": "How members are spread over hosts: `required` (never two members on one host; members that cannot be placed stay unplaced), `preferred` (spread when possible), `none`.",
                "type": "string",
                "enum": [
                  "required",
                  "preferred",
                  "none"
                ],
                "default": "required"
              },
              "updateStrategy": {
                "title": "UpdateStrategy",
                "description": "How a template change rolls out to the members.",
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "type": {
                    "description": "Update strategy; only `RollingZone` (one zone at a time) exists.",
                    "type": "string",
                    "enum": [
                      "RollingZone"
                    ],
                    "default": "RollingZone"
                  },
                  "maxUnavailable": {
                    "description": "Members of a zone updated at the same time, at least 1.",
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 1000,
                    "default": 1
                  },
                  "zoneOrder": {
                    "description": "Order in which zones are updated, by name; zones not listed follow. Default: standby zones first, then active zones, each in the order of `zones`.",
                    "type": "array",
                    "uniqueItems": true,
                    "items": {
                      "description": "A DNS label (RFC 1123): 1 to 63 lowercase letters, digits and `-`, starting and ending with a letter or digit. Example: `web-1`.",
                      "type": "string",
                      "minLength": 1,
                      "maxLength": 63,
                      "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
                    }
                  },
                  "healthTimeoutSeconds": {
                    "description": "Seconds an updated member may take to become healthy before the rollout stops and reports Stalled, 1 to 86400.",
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 86400,
                    "default": 300
                  }
                }
              }
            }
          }
        }
      }
    }
  ]
};
