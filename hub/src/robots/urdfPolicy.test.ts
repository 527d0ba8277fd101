import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkUrdf, UrdfRefusedError } from './urdfPolicy.ts';

const POLICY = { maxBytes: 64 * 1024 };
const simArm = readFileSync(new URL('../../../robot-agent/src/drivers/sim/sim-arm.urdf', import.meta.url), 'utf8');
const arm = (inside: string): string =>
  `<?xml version="1.0"?>\n<robot name="arm"><link name="a"/><joint name="j" type="revolute"><parent link="a"/><child link="b"/><limit lower="-1" upper="1" velocity="1" effort="1"/></joint><link name="b"/>${inside}</robot>`;
const refusal = (urdf: string): string => {
  try {
    checkUrdf(urdf, POLICY);
  } catch (err) {
    if (err instanceof UrdfRefusedError) return err.message;
    throw err;
  }
  return 'accepted';
};

describe('checkUrdf', () => {
  it('accepts plain URDF: the simulated arm, meshes from packages or relative paths, transmissions and gazebo extensions', () => {
    expect(refusal(simArm)).toBe('accepted');
    expect(refusal(arm('<link name="c"><visual><geometry><mesh filename="package://arm/meshes/base.stl" scale="1 1 1"/></geometry></visual></link>'))).toBe('accepted');
    expect(refusal(arm('<link name="c"><collision><geometry><mesh filename="meshes/base.stl"/></geometry></collision></link>'))).toBe('accepted');
    expect(refusal(arm('<transmission name="t"><type>transmission_interface/SimpleTransmission</type><joint name="j"><hardwareInterface>PositionJointInterface</hardwareInterface></joint><actuator name="m"><mechanicalReduction>1</mechanicalReduction></actuator></transmission>'))).toBe('accepted');
    expect(refusal(arm('<gazebo reference="a"><material>Gazebo/Orange</material><plugin name="p" filename="libp.so"><robotNamespace>/arm</robotNamespace></plugin></gazebo>'))).toBe('accepted');
    expect(refusal(arm('<!-- a comment --> '))).toBe('accepted');
  });

  it('refuses live markup: namespaced elements, namespace declarations, prefixes, even inside extensions', () => {
    expect(refusal(arm('<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>'))).toMatch(/<script> declares an XML namespace \(xmlns\)/);
    expect(refusal(arm('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'))).toMatch(/<h:script> has a namespace prefix/);
    expect(refusal(arm('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toMatch(/declares an XML namespace/);
    expect(refusal(arm('<gazebo><script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script></gazebo>'))).toMatch(/declares an XML namespace/);
    expect(refusal(arm('<link name="c" xlink:href="javascript:alert(1)"/>'))).toMatch(/attribute xlink:href/);
    expect(refusal(arm('<script>alert(1)</script>'))).toMatch(/<script> is not a URDF element/);
    expect(refusal('<html><body/></html>')).toMatch(/root element is <html>/);
  });

  it('refuses DOCTYPEs, processing instructions, files from other sites, malformed XML and oversized documents', () => {
    expect(refusal('<?xml version="1.0"?><!DOCTYPE robot [<!ENTITY a "aaaa">]><robot name="x"/>')).toMatch(/DOCTYPE/);
    expect(refusal('<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="/x.xsl"?><robot name="x"/>')).toMatch(/processing instruction <\?xml-stylesheet\?>/);
    expect(refusal(arm('<link name="c"><visual><geometry><mesh filename="https://tracker.example/m.stl"/></geometry></visual></link>'))).toMatch(/points outside the hub/);
    expect(refusal(arm('<link name="c"><visual><geometry><mesh filename="//tracker.example/m.stl"/></geometry></visual></link>'))).toMatch(/points outside the hub/);
    expect(refusal('<robot name="x"><link name="a"></robot>')).toMatch(/not well-formed XML/);
    expect(refusal('<robot name="x">&unknown;</robot>')).toMatch(/not well-formed XML/);
    expect(refusal(arm(' '.repeat(POLICY.maxBytes)))).toMatch(/over the hub's 65536-byte limit \(--max-urdf-bytes\)/);
  });
});
