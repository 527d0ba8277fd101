// What a robot may put in the URDF it announces. The hub serves that text on
// its own origin, so it accepts only plain URDF: the elements of the URDF
// format, no XML namespaces (an XHTML or SVG element would be live markup), no
// DOCTYPE (entities), no processing instructions (style sheets), meshes only
// from package:// or relative paths, and a bounded size.
import { SaxesParser } from 'saxes';

/** Why a robot's URDF was refused; the message names what to change. */
export class UrdfRefusedError extends Error {
  override name = 'UrdfRefusedError';
}

/** Elements of the URDF format (wiki.ros.org/urdf/XML), including transmissions. */
const URDF_ELEMENTS = new Set([
  'robot',
  'link',
  'inertial',
  'mass',
  'inertia',
  'visual',
  'collision',
  'origin',
  'geometry',
  'box',
  'cylinder',
  'sphere',
  'capsule',
  'mesh',
  'material',
  'color',
  'texture',
  'joint',
  'parent',
  'child',
  'axis',
  'calibration',
  'dynamics',
  'limit',
  'mimic',
  'safety_controller',
  'transmission',
  'type',
  'actuator',
  'hardwareInterface',
  'mechanicalReduction',
]);

/** Simulator and controller extensions that URDF files carry; their contents are free-form, but still plain XML. */
const EXTENSION_ELEMENTS = new Set(['gazebo', 'ros2_control']);

/** Attributes that name a file the console would fetch. */
const FILE_ATTRIBUTES: Record<string, string> = { mesh: 'filename', texture: 'filename' };

export interface UrdfPolicy {
  /** Largest URDF accepted, in bytes (UTF-8). */
  maxBytes: number;
}

/** Throws UrdfRefusedError saying what is wrong when `urdf` is not plain URDF within the policy. */
export function checkUrdf(urdf: string, policy: UrdfPolicy): void {
  const bytes = Buffer.byteLength(urdf, 'utf8');
  if (bytes > policy.maxBytes) throw new UrdfRefusedError(`the URDF is ${bytes} bytes, over the hub's ${policy.maxBytes}-byte limit (--max-urdf-bytes)`);
  const parser = new SaxesParser({ xmlns: false, position: true });
  const refuse = (message: string): never => {
    throw new UrdfRefusedError(`${message} (line ${parser.line})`);
  };
  /** Open elements, and how deep inside an extension element (gazebo, ros2_control) the parser is. */
  const open: string[] = [];
  let inExtension = 0;
  parser.on('error', (err) => refuse(`the URDF is not well-formed XML: ${err.message.replace(/^.*?\d+:\d+: /, '')}`));
  parser.on('doctype', () => refuse('the URDF has a DOCTYPE; URDF needs none (entities are not accepted)'));
  parser.on('processinginstruction', (pi) => refuse(`the URDF has a processing instruction <?${pi.target}?>; only the XML declaration is accepted`));
  parser.on('opentag', (tag) => {
    const name = tag.name;
    if (name.includes(':')) refuse(`element <${name}> has a namespace prefix; URDF elements have none`);
    for (const attribute of Object.keys(tag.attributes)) {
      if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) refuse(`element <${name}> declares an XML namespace (${attribute}); URDF uses none`);
      if (attribute.includes(':')) refuse(`attribute ${attribute} of <${name}> has a namespace prefix; URDF attributes have none`);
    }
    if (open.length === 0 && name !== 'robot') refuse(`the root element is <${name}>; a URDF's root is <robot>`);
    if (inExtension > 0 || EXTENSION_ELEMENTS.has(name)) inExtension++;
    else if (!URDF_ELEMENTS.has(name)) refuse(`<${name}> is not a URDF element`);
    const fileAttribute = FILE_ATTRIBUTES[name];
    const file = fileAttribute ? tag.attributes[fileAttribute] : undefined;
    if (inExtension === 0 && typeof file === 'string' && !isHubRelative(file)) {
      refuse(`<${name} ${fileAttribute}="${file.slice(0, 80)}"> points outside the hub; use a package:// or relative path`);
    }
    open.push(name);
  });
  parser.on('closetag', () => {
    open.pop();
    if (inExtension > 0) inExtension--;
  });
  parser.write(urdf).close();
  if (open.length > 0) refuse('the URDF ends inside an element');
}

/** A package:// path or a relative path: what the console resolves against the hub, never another site. */
function isHubRelative(path: string): boolean {
  if (path.startsWith('package://')) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(path) && !path.startsWith('//') && !path.startsWith('\\');
}
