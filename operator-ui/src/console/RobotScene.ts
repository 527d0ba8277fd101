// The console's 3D view (three.js): the robot drawn from its URDF with the
// measured joint states applied at display rate (interpolated between
// samples, so motion is smooth whatever the state rate), a translucent ghost
// of the commanded pose, a grid, an orbit camera, and a draggable target for
// the gripper solved with inverse kinematics.
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { TransformControls } from 'three/addons/controls/TransformControls.js';
import URDFLoader, { type URDFRobot } from 'urdf-loader';
import { solveIk, type IkChain } from './ik.ts';

export class UrdfLoadError extends Error {}

interface Sample {
  /** Local time the sample belongs to, ms (capture time mapped to this page's clock). */
  t: number;
  positions: number[];
}

export interface RobotSceneOptions {
  /** Joint names in the order of every position array. */
  joints: string[];
  /** Joints the IK target moves (the arm, not the gripper). */
  ikJoints: string[];
  /** Link whose origin the IK target drags (the tool centre point). */
  tipLink: string;
  /** Called with new joint targets when the operator drags the IK target. */
  onIkTarget?: (targets: Map<string, number>) => void;
  /** Called when a mesh the URDF refers to cannot be loaded (the robot is drawn without it). */
  onMeshError?: (message: string) => void;
}

/** States are shown this long after capture, so there are always two samples to interpolate between. */
const DISPLAY_DELAY_MS = 45;

export class RobotScene {
  readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly camera = new THREE.PerspectiveCamera(45, 1, 0.01, 20);
  private readonly orbit: OrbitControls;
  private readonly transform: TransformControls;
  private readonly target = new THREE.Mesh(new THREE.SphereGeometry(0.012, 16, 12), new THREE.MeshStandardMaterial({ color: 0x2ec4ff, emissive: 0x0a3040 }));
  private robot: URDFRobot | null = null;
  private ghost: URDFRobot | null = null;
  private ikRobot: URDFRobot | null = null;
  private readonly samples: Sample[] = [];
  /** Running minimum of (arrival - capture), ms: maps robot capture times onto this page's clock. */
  private clockShift: number | null = null;
  private raf = 0;
  private readonly resizeObserver: ResizeObserver;
  private dragging = false;
  /** Something besides the pose changed (camera, ghost, target, size): draw the next frame. */
  private dirty = true;
  private lastPose: number[] = [];
  /** Frames actually drawn (the software renderer is spared frames where nothing moved). */
  drawnFrames = 0;
  /** True on a software WebGL implementation (SwiftShader, llvmpipe): drawing is capped to spare the CPU that video needs. */
  readonly softwareGl: boolean;
  private readonly minDrawIntervalMs: number;
  private lastDrawAt = 0;
  /** Intervals between rendered frames, ms, for the HUD and benchmarks. */
  readonly frameTimes: number[] = [];
  /** Main-thread time spent rendering each frame (pose update + three.js), ms. */
  readonly renderTimes: number[] = [];
  private lastFrameAt = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: RobotSceneOptions,
  ) {
    this.renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    const gl = this.renderer.getContext();
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const gpu = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    this.softwareGl = /swiftshader|llvmpipe|software/i.test(gpu);
    // Drawing with the CPU competes with video decoding and compositing: 30 fps and fewer pixels there.
    this.minDrawIntervalMs = this.softwareGl ? 1000 / 30 - 2 : 0;
    this.renderer.setPixelRatio(this.softwareGl ? 0.75 : Math.min(window.devicePixelRatio, 2));
    this.renderer.setClearColor(0x161b22);
    this.renderer.domElement.setAttribute('aria-label', '3D view of the robot');
    this.renderer.domElement.setAttribute('role', 'img');
    container.appendChild(this.renderer.domElement);

    this.camera.position.set(0.62, 0.48, 0.62);
    this.orbit = new OrbitControls(this.camera, this.renderer.domElement);
    this.orbit.target.set(0, 0.2, 0);
    this.orbit.update();
    this.orbit.addEventListener('change', () => (this.dirty = true));

    this.scene.add(new THREE.HemisphereLight(0xdde6f0, 0x202830, 1.6));
    const sun = new THREE.DirectionalLight(0xffffff, 1.8);
    sun.position.set(1, 2, 1.5);
    this.scene.add(sun);
    const grid = new THREE.GridHelper(1, 20, 0x3a4654, 0x262e38);
    this.scene.add(grid);
    this.scene.add(new THREE.AxesHelper(0.08));

    this.transform = new TransformControls(this.camera, this.renderer.domElement);
    this.transform.setSize(0.6);
    this.transform.addEventListener('dragging-changed', (e) => {
      this.dragging = (e as unknown as { value: boolean }).value;
      this.orbit.enabled = !this.dragging;
    });
    this.transform.addEventListener('objectChange', () => {
      this.dirty = true;
      this.solveForTarget();
    });
    this.transform.addEventListener('change', () => (this.dirty = true));

    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
    this.resize();
    const loop = (now: number): void => {
      if (this.lastFrameAt > 0) {
        this.frameTimes.push(now - this.lastFrameAt);
        if (this.frameTimes.length > 600) this.frameTimes.shift();
      }
      this.lastFrameAt = now;
      const t0 = performance.now();
      this.render();
      this.renderTimes.push(performance.now() - t0);
      if (this.renderTimes.length > 600) this.renderTimes.shift();
      this.raf = requestAnimationFrame(loop);
    };
    this.raf = requestAnimationFrame(loop);
  }

  /** Builds the robot (and its ghost) from URDF text; throws UrdfLoadError saying what is wrong. */
  loadUrdf(urdf: string): void {
    const build = (): URDFRobot => {
      const loader = new URDFLoader();
      // Meshes would be fetched relative to the hub; primitives need nothing.
      loader.packages = '/api/v1/urdf-packages';
      const reported = new Set<string>();
      const meshError = (path: string, why: string): void => {
        if (reported.has(path)) return;
        reported.add(path);
        this.options.onMeshError?.(`mesh ${path} could not be loaded (${why}); the robot is drawn without it`);
      };
      loader.loadMeshCb = (path, manager, material, done) => {
        if (!/\.(stl|dae)$/i.test(path)) return meshError(path, 'unsupported format: use STL or COLLADA');
        loader.defaultMeshLoader(path, manager, material, (obj, err) => {
          if (err || !obj) meshError(path, err instanceof Error ? err.message : 'not found');
          done(obj, err);
        });
      };
      let robot: URDFRobot;
      try {
        robot = loader.parse(urdf);
      } catch (err) {
        throw new UrdfLoadError(`the robot's URDF could not be read: ${(err as Error).message}`);
      }
      if (!robot || Object.keys(robot.joints ?? {}).length === 0) throw new UrdfLoadError('the robot\'s URDF describes no joints');
      const missing = this.options.joints.filter((j) => !robot.joints[j]);
      if (missing.length > 0) throw new UrdfLoadError(`the robot's URDF lacks joints ${missing.join(', ')}`);
      // URDF is z-up; three.js is y-up.
      robot.rotation.x = -Math.PI / 2;
      // URDF colours are sRGB; three.js works in linear space.
      const converted = new Set<THREE.Material>();
      robot.traverse((o) => {
        const m = (o as THREE.Mesh).material as THREE.MeshStandardMaterial | undefined;
        if (!(o as THREE.Mesh).isMesh || !m?.color || converted.has(m)) return;
        converted.add(m); // materials may be shared between links
        m.color.convertSRGBToLinear();
      });
      return robot;
    };
    this.robot = build();
    this.ghost = build();
    this.ikRobot = build();
    this.ghost.traverse((o) => {
      const mesh = o as THREE.Mesh;
      if (mesh.isMesh) {
        // Hidden where it coincides with the measured robot (strictly-less depth test): only the difference shows.
        mesh.material = new THREE.MeshBasicMaterial({
          color: 0x2ec4ff,
          transparent: true,
          opacity: 0.28,
          depthWrite: false,
          depthFunc: THREE.LessDepth,
          // Pushed slightly back, so coincident surfaces fail the depth test cleanly instead of striping.
          polygonOffset: true,
          polygonOffsetFactor: 2,
          polygonOffsetUnits: 4,
        });
      }
    });
    this.scene.add(this.robot, this.ghost);
    this.robot.updateMatrixWorld(true);
    const tip = this.robot.links[this.options.tipLink] ?? this.robot;
    tip.getWorldPosition(this.target.position);
    this.scene.add(this.target);
    this.transform.attach(this.target);
    this.scene.add(this.transform.getHelper());
    this.dirty = true;
  }

  /** A measured JointState: captureMs in the robot's clock, arrivedMs in this page's. */
  pushMeasured(captureMs: number, arrivedMs: number, positions: number[]): void {
    const shift = arrivedMs - captureMs;
    this.clockShift = this.clockShift === null ? shift : Math.min(this.clockShift + 0.01, shift);
    this.samples.push({ t: captureMs + this.clockShift, positions });
    if (this.samples.length > 64) this.samples.shift();
  }

  /** Shows a pose directly (replays), bypassing the live interpolation. */
  setPose(positions: number[]): void {
    if (!this.robot) return;
    this.samples.length = 0;
    this.options.joints.forEach((j, i) => this.robot!.setJointValue(j, positions[i] ?? 0));
    this.lastPose = positions;
    this.dirty = true;
  }

  /** The commanded pose, drawn as the ghost. */
  setCommanded(positions: number[] | null): void {
    if (!this.ghost) return;
    this.ghost.visible = positions !== null;
    if (positions) this.options.joints.forEach((j, i) => this.ghost!.setJointValue(j, positions[i] ?? 0));
    this.dirty = true;
  }

  /** Moves the IK target to the tool of a pose (when not dragging), e.g. after the lease is granted. */
  placeTargetAt(positions: number[]): void {
    if (!this.ikRobot || this.dragging) return;
    this.options.joints.forEach((j, i) => this.ikRobot!.setJointValue(j, positions[i] ?? 0));
    this.ikRobot.updateMatrixWorld(true);
    (this.ikRobot.links[this.options.tipLink] ?? this.ikRobot).getWorldPosition(this.target.position);
    this.dirty = true;
  }

  setTargetEnabled(enabled: boolean): void {
    this.transform.enabled = enabled;
    this.target.visible = enabled;
    this.transform.getHelper().visible = enabled;
    this.dirty = true;
  }

  dispose(): void {
    cancelAnimationFrame(this.raf);
    this.resizeObserver.disconnect();
    this.transform.dispose();
    this.orbit.dispose();
    this.renderer.dispose();
    this.renderer.domElement.remove();
  }

  private solveForTarget(): void {
    if (!this.ikRobot || !this.options.onIkTarget) return;
    const robot = this.ikRobot;
    const chain: IkChain = {
      joints: this.options.ikJoints.map((name) => {
        const j = robot.joints[name]!;
        return { name, min: Number(j.limit.lower), max: Number(j.limit.upper), get: () => Number(j.angle), set: (v: number) => robot.setJointValue(name, v) };
      }),
      tip: () => {
        robot.updateMatrixWorld(true);
        const p = new THREE.Vector3();
        (robot.links[this.options.tipLink] ?? robot).getWorldPosition(p);
        return [p.x, p.y, p.z];
      },
    };
    const solution = solveIk(chain, [this.target.position.x, this.target.position.y, this.target.position.z]);
    this.options.onIkTarget(solution);
  }

  private resize(): void {
    const w = Math.max(1, this.container.clientWidth);
    const h = Math.max(1, this.container.clientHeight);
    this.renderer.setSize(w, h);
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    this.dirty = true;
  }

  private render(): void {
    const robot = this.robot;
    if (robot && this.samples.length > 0) {
      const t = performance.now() - DISPLAY_DELAY_MS;
      const s = this.samples;
      let pose = s[s.length - 1]!.positions;
      for (let i = s.length - 1; i > 0; i--) {
        const a = s[i - 1]!;
        const b = s[i]!;
        if (a.t <= t && t <= b.t) {
          const k = b.t === a.t ? 1 : (t - a.t) / (b.t - a.t);
          pose = a.positions.map((v, n) => v + (b.positions[n]! - v) * k);
          break;
        }
        if (b.t < t) break;
      }
      if (pose.some((v, i) => Math.abs(v - (this.lastPose[i] ?? Number.NaN)) > 1e-5 || Number.isNaN(this.lastPose[i] ?? Number.NaN))) {
        this.options.joints.forEach((j, i) => robot.setJointValue(j, pose[i] ?? 0));
        this.lastPose = pose;
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    const now = performance.now();
    if (now - this.lastDrawAt < this.minDrawIntervalMs) return;
    this.lastDrawAt = now;
    this.dirty = false;
    this.drawnFrames++;
    this.renderer.render(this.scene, this.camera);
  }
}
