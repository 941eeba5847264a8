import type { DesiredImage } from '../types/desired.js';
import type { DefaultedImage } from './defaulted.js';
import { withSpecHash } from './spec-hash.js';

/** Volume name of an image in the gitvirt pool: `image-<name>.<format>`. */
export function imageVolume(image: DefaultedImage): string {
  return `image-${image.metadata.name}.${image.spec.format}`;
}

/** The desired base-image volume on a host whose pool is `pool`. */
export function compileImage(image: DefaultedImage, pool: string): DesiredImage {
  const { url, sha256, path } = image.spec.source;
  const desiredSource: DesiredImage['source'] = path !== undefined ? { path } : { url: url ?? '', sha256: sha256 ?? '' };
  return withSpecHash<DesiredImage>({
    name: image.metadata.name,
    owner: { kind: 'Image', name: image.metadata.name },
    volume: imageVolume(image),
    pool,
    format: image.spec.format,
    source: desiredSource,
  });
}
