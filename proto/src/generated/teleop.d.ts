import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace teleop. */
export namespace teleop {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of a Ping.
         * @deprecated Use teleop.v1.Ping.$Properties instead.
         */
        interface IPing extends teleop.v1.Ping.$Properties {
        }

        /** Represents a Ping. */
        class Ping {

            /**
             * Constructs a new Ping.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.Ping.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Ping id. */
            id: Long;

            /** Ping t0Ns. */
            t0Ns: Long;

            /** Ping offsetNs. */
            offsetNs: Long;

            /** Ping offsetKnown. */
            offsetKnown: boolean;

            /**
             * Creates a new Ping instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Ping instance
             */
            static create(properties: teleop.v1.Ping.$Shape): teleop.v1.Ping & teleop.v1.Ping.$Shape;
            static create(properties?: teleop.v1.Ping.$Properties): teleop.v1.Ping;

            /**
             * Encodes the specified Ping message. Does not implicitly {@link teleop.v1.Ping.verify|verify} messages.
             * @param message Ping message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.Ping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Ping message, length delimited. Does not implicitly {@link teleop.v1.Ping.verify|verify} messages.
             * @param message Ping message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.Ping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.Ping & teleop.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.Ping & teleop.v1.Ping.$Shape;

            /**
             * Decodes a Ping message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.Ping & teleop.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.Ping & teleop.v1.Ping.$Shape;

            /**
             * Verifies a Ping message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Ping message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Ping
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.Ping;

            /**
             * Creates a plain object from a Ping message. Also converts values to other types if specified.
             * @param message Ping
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.Ping, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Ping to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Ping
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Ping {

            /** Properties of a Ping. */
            interface $Properties {

                /** Ping id */
                id?: (Long|null);

                /** Ping t0Ns */
                t0Ns?: (Long|null);

                /** Ping offsetNs */
                offsetNs?: (Long|null);

                /** Ping offsetKnown */
                offsetKnown?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Ping. */
            type $Shape = teleop.v1.Ping.$Properties;
        }

        /**
         * Properties of a Pong.
         * @deprecated Use teleop.v1.Pong.$Properties instead.
         */
        interface IPong extends teleop.v1.Pong.$Properties {
        }

        /** Represents a Pong. */
        class Pong {

            /**
             * Constructs a new Pong.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.Pong.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Pong id. */
            id: Long;

            /** Pong t0Ns. */
            t0Ns: Long;

            /** Pong t1Ns. */
            t1Ns: Long;

            /** Pong t2Ns. */
            t2Ns: Long;

            /**
             * Creates a new Pong instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Pong instance
             */
            static create(properties: teleop.v1.Pong.$Shape): teleop.v1.Pong & teleop.v1.Pong.$Shape;
            static create(properties?: teleop.v1.Pong.$Properties): teleop.v1.Pong;

            /**
             * Encodes the specified Pong message. Does not implicitly {@link teleop.v1.Pong.verify|verify} messages.
             * @param message Pong message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.Pong.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Pong message, length delimited. Does not implicitly {@link teleop.v1.Pong.verify|verify} messages.
             * @param message Pong message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.Pong.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Pong message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.Pong & teleop.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.Pong & teleop.v1.Pong.$Shape;

            /**
             * Decodes a Pong message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.Pong & teleop.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.Pong & teleop.v1.Pong.$Shape;

            /**
             * Verifies a Pong message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Pong message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Pong
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.Pong;

            /**
             * Creates a plain object from a Pong message. Also converts values to other types if specified.
             * @param message Pong
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.Pong, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Pong to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Pong
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Pong {

            /** Properties of a Pong. */
            interface $Properties {

                /** Pong id */
                id?: (Long|null);

                /** Pong t0Ns */
                t0Ns?: (Long|null);

                /** Pong t1Ns */
                t1Ns?: (Long|null);

                /** Pong t2Ns */
                t2Ns?: (Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Pong. */
            type $Shape = teleop.v1.Pong.$Properties;
        }

        /**
         * Properties of a ControlCommand.
         * @deprecated Use teleop.v1.ControlCommand.$Properties instead.
         */
        interface IControlCommand extends teleop.v1.ControlCommand.$Properties {
        }

        /** Represents a ControlCommand. */
        class ControlCommand {

            /**
             * Constructs a new ControlCommand.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.ControlCommand.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ControlCommand sequence. */
            sequence: Long;

            /** ControlCommand sendTimeNs. */
            sendTimeNs: Long;

            /** ControlCommand leaseId. */
            leaseId: string;

            /** ControlCommand mode. */
            mode: teleop.v1.ControlMode;

            /** ControlCommand values. */
            values: number[];

            /** ControlCommand hubTimeNs. */
            hubTimeNs: Long;

            /** ControlCommand fencingToken. */
            fencingToken: Long;

            /**
             * Creates a new ControlCommand instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ControlCommand instance
             */
            static create(properties: teleop.v1.ControlCommand.$Shape): teleop.v1.ControlCommand & teleop.v1.ControlCommand.$Shape;
            static create(properties?: teleop.v1.ControlCommand.$Properties): teleop.v1.ControlCommand;

            /**
             * Encodes the specified ControlCommand message. Does not implicitly {@link teleop.v1.ControlCommand.verify|verify} messages.
             * @param message ControlCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.ControlCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ControlCommand message, length delimited. Does not implicitly {@link teleop.v1.ControlCommand.verify|verify} messages.
             * @param message ControlCommand message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.ControlCommand.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ControlCommand message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.ControlCommand & teleop.v1.ControlCommand.$Shape} ControlCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.ControlCommand & teleop.v1.ControlCommand.$Shape;

            /**
             * Decodes a ControlCommand message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.ControlCommand & teleop.v1.ControlCommand.$Shape} ControlCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.ControlCommand & teleop.v1.ControlCommand.$Shape;

            /**
             * Verifies a ControlCommand message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ControlCommand message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ControlCommand
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.ControlCommand;

            /**
             * Creates a plain object from a ControlCommand message. Also converts values to other types if specified.
             * @param message ControlCommand
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.ControlCommand, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ControlCommand to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ControlCommand
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ControlCommand {

            /** Properties of a ControlCommand. */
            interface $Properties {

                /** ControlCommand sequence */
                sequence?: (Long|null);

                /** ControlCommand sendTimeNs */
                sendTimeNs?: (Long|null);

                /** ControlCommand leaseId */
                leaseId?: (string|null);

                /** ControlCommand mode */
                mode?: (teleop.v1.ControlMode|null);

                /** ControlCommand values */
                values?: (number[]|null);

                /** ControlCommand hubTimeNs */
                hubTimeNs?: (Long|null);

                /** ControlCommand fencingToken */
                fencingToken?: (Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ControlCommand. */
            type $Shape = teleop.v1.ControlCommand.$Properties;
        }

        /** ControlMode enum. */
        enum ControlMode {

            /** CONTROL_MODE_UNSPECIFIED value */
            CONTROL_MODE_UNSPECIFIED = 0,

            /** CONTROL_MODE_JOINT_POSITION value */
            CONTROL_MODE_JOINT_POSITION = 1,

            /** CONTROL_MODE_JOINT_VELOCITY value */
            CONTROL_MODE_JOINT_VELOCITY = 2,

            /** CONTROL_MODE_GRIPPER value */
            CONTROL_MODE_GRIPPER = 3
        }

        /**
         * Properties of a JointSpec.
         * @deprecated Use teleop.v1.JointSpec.$Properties instead.
         */
        interface IJointSpec extends teleop.v1.JointSpec.$Properties {
        }

        /** Represents a JointSpec. */
        class JointSpec {

            /**
             * Constructs a new JointSpec.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.JointSpec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JointSpec name. */
            name: string;

            /** JointSpec unit. */
            unit: string;

            /** JointSpec minPosition. */
            minPosition: number;

            /** JointSpec maxPosition. */
            maxPosition: number;

            /** JointSpec maxVelocity. */
            maxVelocity: number;

            /** JointSpec maxEffort. */
            maxEffort: number;

            /**
             * Creates a new JointSpec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JointSpec instance
             */
            static create(properties: teleop.v1.JointSpec.$Shape): teleop.v1.JointSpec & teleop.v1.JointSpec.$Shape;
            static create(properties?: teleop.v1.JointSpec.$Properties): teleop.v1.JointSpec;

            /**
             * Encodes the specified JointSpec message. Does not implicitly {@link teleop.v1.JointSpec.verify|verify} messages.
             * @param message JointSpec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.JointSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified JointSpec message, length delimited. Does not implicitly {@link teleop.v1.JointSpec.verify|verify} messages.
             * @param message JointSpec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.JointSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JointSpec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.JointSpec & teleop.v1.JointSpec.$Shape} JointSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.JointSpec & teleop.v1.JointSpec.$Shape;

            /**
             * Decodes a JointSpec message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.JointSpec & teleop.v1.JointSpec.$Shape} JointSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.JointSpec & teleop.v1.JointSpec.$Shape;

            /**
             * Verifies a JointSpec message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JointSpec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JointSpec
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.JointSpec;

            /**
             * Creates a plain object from a JointSpec message. Also converts values to other types if specified.
             * @param message JointSpec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.JointSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JointSpec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for JointSpec
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace JointSpec {

            /** Properties of a JointSpec. */
            interface $Properties {

                /** JointSpec name */
                name?: (string|null);

                /** JointSpec unit */
                unit?: (string|null);

                /** JointSpec minPosition */
                minPosition?: (number|null);

                /** JointSpec maxPosition */
                maxPosition?: (number|null);

                /** JointSpec maxVelocity */
                maxVelocity?: (number|null);

                /** JointSpec maxEffort */
                maxEffort?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JointSpec. */
            type $Shape = teleop.v1.JointSpec.$Properties;
        }

        /**
         * Properties of a CameraSpec.
         * @deprecated Use teleop.v1.CameraSpec.$Properties instead.
         */
        interface ICameraSpec extends teleop.v1.CameraSpec.$Properties {
        }

        /** Represents a CameraSpec. */
        class CameraSpec {

            /**
             * Constructs a new CameraSpec.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.CameraSpec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CameraSpec name. */
            name: string;

            /** CameraSpec width. */
            width: number;

            /** CameraSpec height. */
            height: number;

            /** CameraSpec fps. */
            fps: number;

            /** CameraSpec codec. */
            codec: string;

            /** CameraSpec source. */
            source: string;

            /**
             * Creates a new CameraSpec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CameraSpec instance
             */
            static create(properties: teleop.v1.CameraSpec.$Shape): teleop.v1.CameraSpec & teleop.v1.CameraSpec.$Shape;
            static create(properties?: teleop.v1.CameraSpec.$Properties): teleop.v1.CameraSpec;

            /**
             * Encodes the specified CameraSpec message. Does not implicitly {@link teleop.v1.CameraSpec.verify|verify} messages.
             * @param message CameraSpec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.CameraSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified CameraSpec message, length delimited. Does not implicitly {@link teleop.v1.CameraSpec.verify|verify} messages.
             * @param message CameraSpec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.CameraSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CameraSpec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.CameraSpec & teleop.v1.CameraSpec.$Shape} CameraSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.CameraSpec & teleop.v1.CameraSpec.$Shape;

            /**
             * Decodes a CameraSpec message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.CameraSpec & teleop.v1.CameraSpec.$Shape} CameraSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.CameraSpec & teleop.v1.CameraSpec.$Shape;

            /**
             * Verifies a CameraSpec message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a CameraSpec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CameraSpec
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.CameraSpec;

            /**
             * Creates a plain object from a CameraSpec message. Also converts values to other types if specified.
             * @param message CameraSpec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.CameraSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CameraSpec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for CameraSpec
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace CameraSpec {

            /** Properties of a CameraSpec. */
            interface $Properties {

                /** CameraSpec name */
                name?: (string|null);

                /** CameraSpec width */
                width?: (number|null);

                /** CameraSpec height */
                height?: (number|null);

                /** CameraSpec fps */
                fps?: (number|null);

                /** CameraSpec codec */
                codec?: (string|null);

                /** CameraSpec source */
                source?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CameraSpec. */
            type $Shape = teleop.v1.CameraSpec.$Properties;
        }

        /**
         * Properties of a RobotDescription.
         * @deprecated Use teleop.v1.RobotDescription.$Properties instead.
         */
        interface IRobotDescription extends teleop.v1.RobotDescription.$Properties {
        }

        /** Represents a RobotDescription. */
        class RobotDescription {

            /**
             * Constructs a new RobotDescription.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.RobotDescription.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RobotDescription robotId. */
            robotId: string;

            /** RobotDescription model. */
            model: string;

            /** RobotDescription joints. */
            joints: teleop.v1.JointSpec.$Properties[];

            /** RobotDescription cameras. */
            cameras: teleop.v1.CameraSpec.$Properties[];

            /** RobotDescription controlModes. */
            controlModes: teleop.v1.ControlMode[];

            /** RobotDescription urdf. */
            urdf: string;

            /** RobotDescription urdfUrl. */
            urdfUrl: string;

            /** RobotDescription gripperJoint. */
            gripperJoint: string;

            /** RobotDescription stateRateHz. */
            stateRateHz: number;

            /** RobotDescription controlRateHz. */
            controlRateHz: number;

            /** RobotDescription holdTimeoutMs. */
            holdTimeoutMs: number;

            /** RobotDescription agentVersion. */
            agentVersion: string;

            /** RobotDescription driver. */
            driver: string;

            /** RobotDescription signingAddress. */
            signingAddress: string;

            /**
             * Creates a new RobotDescription instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RobotDescription instance
             */
            static create(properties: teleop.v1.RobotDescription.$Shape): teleop.v1.RobotDescription & teleop.v1.RobotDescription.$Shape;
            static create(properties?: teleop.v1.RobotDescription.$Properties): teleop.v1.RobotDescription;

            /**
             * Encodes the specified RobotDescription message. Does not implicitly {@link teleop.v1.RobotDescription.verify|verify} messages.
             * @param message RobotDescription message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.RobotDescription.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RobotDescription message, length delimited. Does not implicitly {@link teleop.v1.RobotDescription.verify|verify} messages.
             * @param message RobotDescription message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.RobotDescription.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RobotDescription message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.RobotDescription & teleop.v1.RobotDescription.$Shape} RobotDescription
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.RobotDescription & teleop.v1.RobotDescription.$Shape;

            /**
             * Decodes a RobotDescription message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.RobotDescription & teleop.v1.RobotDescription.$Shape} RobotDescription
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.RobotDescription & teleop.v1.RobotDescription.$Shape;

            /**
             * Verifies a RobotDescription message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RobotDescription message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RobotDescription
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.RobotDescription;

            /**
             * Creates a plain object from a RobotDescription message. Also converts values to other types if specified.
             * @param message RobotDescription
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.RobotDescription, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RobotDescription to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RobotDescription
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RobotDescription {

            /** Properties of a RobotDescription. */
            interface $Properties {

                /** RobotDescription robotId */
                robotId?: (string|null);

                /** RobotDescription model */
                model?: (string|null);

                /** RobotDescription joints */
                joints?: (teleop.v1.JointSpec.$Properties[]|null);

                /** RobotDescription cameras */
                cameras?: (teleop.v1.CameraSpec.$Properties[]|null);

                /** RobotDescription controlModes */
                controlModes?: (teleop.v1.ControlMode[]|null);

                /** RobotDescription urdf */
                urdf?: (string|null);

                /** RobotDescription urdfUrl */
                urdfUrl?: (string|null);

                /** RobotDescription gripperJoint */
                gripperJoint?: (string|null);

                /** RobotDescription stateRateHz */
                stateRateHz?: (number|null);

                /** RobotDescription controlRateHz */
                controlRateHz?: (number|null);

                /** RobotDescription holdTimeoutMs */
                holdTimeoutMs?: (number|null);

                /** RobotDescription agentVersion */
                agentVersion?: (string|null);

                /** RobotDescription driver */
                driver?: (string|null);

                /** RobotDescription signingAddress */
                signingAddress?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RobotDescription. */
            type $Shape = teleop.v1.RobotDescription.$Properties;
        }

        /**
         * Properties of an ActionSample.
         * @deprecated Use teleop.v1.ActionSample.$Properties instead.
         */
        interface IActionSample extends teleop.v1.ActionSample.$Properties {
        }

        /** Represents an ActionSample. */
        class ActionSample {

            /**
             * Constructs a new ActionSample.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.ActionSample.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ActionSample captureTimeNs. */
            captureTimeNs: Long;

            /** ActionSample positions. */
            positions: number[];

            /** ActionSample appliedSequence. */
            appliedSequence: Long;

            /** ActionSample leaseId. */
            leaseId: string;

            /**
             * Creates a new ActionSample instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ActionSample instance
             */
            static create(properties: teleop.v1.ActionSample.$Shape): teleop.v1.ActionSample & teleop.v1.ActionSample.$Shape;
            static create(properties?: teleop.v1.ActionSample.$Properties): teleop.v1.ActionSample;

            /**
             * Encodes the specified ActionSample message. Does not implicitly {@link teleop.v1.ActionSample.verify|verify} messages.
             * @param message ActionSample message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.ActionSample.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ActionSample message, length delimited. Does not implicitly {@link teleop.v1.ActionSample.verify|verify} messages.
             * @param message ActionSample message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.ActionSample.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ActionSample message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.ActionSample & teleop.v1.ActionSample.$Shape} ActionSample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.ActionSample & teleop.v1.ActionSample.$Shape;

            /**
             * Decodes an ActionSample message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.ActionSample & teleop.v1.ActionSample.$Shape} ActionSample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.ActionSample & teleop.v1.ActionSample.$Shape;

            /**
             * Verifies an ActionSample message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an ActionSample message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ActionSample
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.ActionSample;

            /**
             * Creates a plain object from an ActionSample message. Also converts values to other types if specified.
             * @param message ActionSample
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.ActionSample, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ActionSample to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ActionSample
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ActionSample {

            /** Properties of an ActionSample. */
            interface $Properties {

                /** ActionSample captureTimeNs */
                captureTimeNs?: (Long|null);

                /** ActionSample positions */
                positions?: (number[]|null);

                /** ActionSample appliedSequence */
                appliedSequence?: (Long|null);

                /** ActionSample leaseId */
                leaseId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ActionSample. */
            type $Shape = teleop.v1.ActionSample.$Properties;
        }

        /**
         * Properties of a CameraFrame.
         * @deprecated Use teleop.v1.CameraFrame.$Properties instead.
         */
        interface ICameraFrame extends teleop.v1.CameraFrame.$Properties {
        }

        /** Represents a CameraFrame. */
        class CameraFrame {

            /**
             * Constructs a new CameraFrame.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.CameraFrame.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CameraFrame camera. */
            camera: string;

            /** CameraFrame frameIndex. */
            frameIndex: Long;

            /** CameraFrame captureTimeNs. */
            captureTimeNs: Long;

            /** CameraFrame droppedBefore. */
            droppedBefore: number;

            /**
             * Creates a new CameraFrame instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CameraFrame instance
             */
            static create(properties: teleop.v1.CameraFrame.$Shape): teleop.v1.CameraFrame & teleop.v1.CameraFrame.$Shape;
            static create(properties?: teleop.v1.CameraFrame.$Properties): teleop.v1.CameraFrame;

            /**
             * Encodes the specified CameraFrame message. Does not implicitly {@link teleop.v1.CameraFrame.verify|verify} messages.
             * @param message CameraFrame message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.CameraFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified CameraFrame message, length delimited. Does not implicitly {@link teleop.v1.CameraFrame.verify|verify} messages.
             * @param message CameraFrame message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.CameraFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CameraFrame message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.CameraFrame & teleop.v1.CameraFrame.$Shape} CameraFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.CameraFrame & teleop.v1.CameraFrame.$Shape;

            /**
             * Decodes a CameraFrame message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.CameraFrame & teleop.v1.CameraFrame.$Shape} CameraFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.CameraFrame & teleop.v1.CameraFrame.$Shape;

            /**
             * Verifies a CameraFrame message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a CameraFrame message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CameraFrame
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.CameraFrame;

            /**
             * Creates a plain object from a CameraFrame message. Also converts values to other types if specified.
             * @param message CameraFrame
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.CameraFrame, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CameraFrame to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for CameraFrame
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace CameraFrame {

            /** Properties of a CameraFrame. */
            interface $Properties {

                /** CameraFrame camera */
                camera?: (string|null);

                /** CameraFrame frameIndex */
                frameIndex?: (Long|null);

                /** CameraFrame captureTimeNs */
                captureTimeNs?: (Long|null);

                /** CameraFrame droppedBefore */
                droppedBefore?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CameraFrame. */
            type $Shape = teleop.v1.CameraFrame.$Properties;
        }

        /**
         * Properties of a LeaseGranted.
         * @deprecated Use teleop.v1.LeaseGranted.$Properties instead.
         */
        interface ILeaseGranted extends teleop.v1.LeaseGranted.$Properties {
        }

        /** Represents a LeaseGranted. */
        class LeaseGranted {

            /**
             * Constructs a new LeaseGranted.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.LeaseGranted.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LeaseGranted leaseId. */
            leaseId: string;

            /** LeaseGranted operatorId. */
            operatorId: string;

            /** LeaseGranted expiresAtNs. */
            expiresAtNs: Long;

            /** LeaseGranted fencingToken. */
            fencingToken: Long;

            /**
             * Creates a new LeaseGranted instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseGranted instance
             */
            static create(properties: teleop.v1.LeaseGranted.$Shape): teleop.v1.LeaseGranted & teleop.v1.LeaseGranted.$Shape;
            static create(properties?: teleop.v1.LeaseGranted.$Properties): teleop.v1.LeaseGranted;

            /**
             * Encodes the specified LeaseGranted message. Does not implicitly {@link teleop.v1.LeaseGranted.verify|verify} messages.
             * @param message LeaseGranted message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.LeaseGranted.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified LeaseGranted message, length delimited. Does not implicitly {@link teleop.v1.LeaseGranted.verify|verify} messages.
             * @param message LeaseGranted message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.LeaseGranted.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseGranted message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.LeaseGranted & teleop.v1.LeaseGranted.$Shape} LeaseGranted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.LeaseGranted & teleop.v1.LeaseGranted.$Shape;

            /**
             * Decodes a LeaseGranted message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.LeaseGranted & teleop.v1.LeaseGranted.$Shape} LeaseGranted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.LeaseGranted & teleop.v1.LeaseGranted.$Shape;

            /**
             * Verifies a LeaseGranted message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseGranted message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseGranted
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.LeaseGranted;

            /**
             * Creates a plain object from a LeaseGranted message. Also converts values to other types if specified.
             * @param message LeaseGranted
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.LeaseGranted, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseGranted to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for LeaseGranted
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace LeaseGranted {

            /** Properties of a LeaseGranted. */
            interface $Properties {

                /** LeaseGranted leaseId */
                leaseId?: (string|null);

                /** LeaseGranted operatorId */
                operatorId?: (string|null);

                /** LeaseGranted expiresAtNs */
                expiresAtNs?: (Long|null);

                /** LeaseGranted fencingToken */
                fencingToken?: (Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LeaseGranted. */
            type $Shape = teleop.v1.LeaseGranted.$Properties;
        }

        /**
         * Properties of a LeaseRevoked.
         * @deprecated Use teleop.v1.LeaseRevoked.$Properties instead.
         */
        interface ILeaseRevoked extends teleop.v1.LeaseRevoked.$Properties {
        }

        /** Represents a LeaseRevoked. */
        class LeaseRevoked {

            /**
             * Constructs a new LeaseRevoked.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.LeaseRevoked.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LeaseRevoked leaseId. */
            leaseId: string;

            /** LeaseRevoked reason. */
            reason: string;

            /**
             * Creates a new LeaseRevoked instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseRevoked instance
             */
            static create(properties: teleop.v1.LeaseRevoked.$Shape): teleop.v1.LeaseRevoked & teleop.v1.LeaseRevoked.$Shape;
            static create(properties?: teleop.v1.LeaseRevoked.$Properties): teleop.v1.LeaseRevoked;

            /**
             * Encodes the specified LeaseRevoked message. Does not implicitly {@link teleop.v1.LeaseRevoked.verify|verify} messages.
             * @param message LeaseRevoked message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.LeaseRevoked.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified LeaseRevoked message, length delimited. Does not implicitly {@link teleop.v1.LeaseRevoked.verify|verify} messages.
             * @param message LeaseRevoked message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.LeaseRevoked.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseRevoked message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.LeaseRevoked & teleop.v1.LeaseRevoked.$Shape} LeaseRevoked
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.LeaseRevoked & teleop.v1.LeaseRevoked.$Shape;

            /**
             * Decodes a LeaseRevoked message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.LeaseRevoked & teleop.v1.LeaseRevoked.$Shape} LeaseRevoked
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.LeaseRevoked & teleop.v1.LeaseRevoked.$Shape;

            /**
             * Verifies a LeaseRevoked message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseRevoked message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LeaseRevoked
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.LeaseRevoked;

            /**
             * Creates a plain object from a LeaseRevoked message. Also converts values to other types if specified.
             * @param message LeaseRevoked
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.LeaseRevoked, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseRevoked to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for LeaseRevoked
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace LeaseRevoked {

            /** Properties of a LeaseRevoked. */
            interface $Properties {

                /** LeaseRevoked leaseId */
                leaseId?: (string|null);

                /** LeaseRevoked reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LeaseRevoked. */
            type $Shape = teleop.v1.LeaseRevoked.$Properties;
        }

        /**
         * Properties of a EStop.
         * @deprecated Use teleop.v1.EStop.$Properties instead.
         */
        interface IEStop extends teleop.v1.EStop.$Properties {
        }

        /** Represents a EStop. */
        class EStop {

            /**
             * Constructs a new EStop.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.EStop.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EStop source. */
            source: string;

            /** EStop reason. */
            reason: string;

            /** EStop id. */
            id: string;

            /**
             * Creates a new EStop instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EStop instance
             */
            static create(properties: teleop.v1.EStop.$Shape): teleop.v1.EStop & teleop.v1.EStop.$Shape;
            static create(properties?: teleop.v1.EStop.$Properties): teleop.v1.EStop;

            /**
             * Encodes the specified EStop message. Does not implicitly {@link teleop.v1.EStop.verify|verify} messages.
             * @param message EStop message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.EStop.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified EStop message, length delimited. Does not implicitly {@link teleop.v1.EStop.verify|verify} messages.
             * @param message EStop message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.EStop.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a EStop message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.EStop & teleop.v1.EStop.$Shape} EStop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.EStop & teleop.v1.EStop.$Shape;

            /**
             * Decodes a EStop message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.EStop & teleop.v1.EStop.$Shape} EStop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.EStop & teleop.v1.EStop.$Shape;

            /**
             * Verifies a EStop message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a EStop message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns EStop
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.EStop;

            /**
             * Creates a plain object from a EStop message. Also converts values to other types if specified.
             * @param message EStop
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.EStop, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this EStop to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for EStop
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace EStop {

            /** Properties of a EStop. */
            interface $Properties {

                /** EStop source */
                source?: (string|null);

                /** EStop reason */
                reason?: (string|null);

                /** EStop id */
                id?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a EStop. */
            type $Shape = teleop.v1.EStop.$Properties;
        }

        /**
         * Properties of a EStopReset.
         * @deprecated Use teleop.v1.EStopReset.$Properties instead.
         */
        interface IEStopReset extends teleop.v1.EStopReset.$Properties {
        }

        /** Represents a EStopReset. */
        class EStopReset {

            /**
             * Constructs a new EStopReset.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.EStopReset.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EStopReset source. */
            source: string;

            /** EStopReset id. */
            id: string;

            /**
             * Creates a new EStopReset instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EStopReset instance
             */
            static create(properties: teleop.v1.EStopReset.$Shape): teleop.v1.EStopReset & teleop.v1.EStopReset.$Shape;
            static create(properties?: teleop.v1.EStopReset.$Properties): teleop.v1.EStopReset;

            /**
             * Encodes the specified EStopReset message. Does not implicitly {@link teleop.v1.EStopReset.verify|verify} messages.
             * @param message EStopReset message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.EStopReset.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified EStopReset message, length delimited. Does not implicitly {@link teleop.v1.EStopReset.verify|verify} messages.
             * @param message EStopReset message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.EStopReset.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a EStopReset message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.EStopReset & teleop.v1.EStopReset.$Shape} EStopReset
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.EStopReset & teleop.v1.EStopReset.$Shape;

            /**
             * Decodes a EStopReset message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.EStopReset & teleop.v1.EStopReset.$Shape} EStopReset
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.EStopReset & teleop.v1.EStopReset.$Shape;

            /**
             * Verifies a EStopReset message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a EStopReset message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns EStopReset
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.EStopReset;

            /**
             * Creates a plain object from a EStopReset message. Also converts values to other types if specified.
             * @param message EStopReset
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.EStopReset, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this EStopReset to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for EStopReset
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace EStopReset {

            /** Properties of a EStopReset. */
            interface $Properties {

                /** EStopReset source */
                source?: (string|null);

                /** EStopReset id */
                id?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a EStopReset. */
            type $Shape = teleop.v1.EStopReset.$Properties;
        }

        /**
         * Properties of an EpisodeStart.
         * @deprecated Use teleop.v1.EpisodeStart.$Properties instead.
         */
        interface IEpisodeStart extends teleop.v1.EpisodeStart.$Properties {
        }

        /** Represents an EpisodeStart. */
        class EpisodeStart {

            /**
             * Constructs a new EpisodeStart.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.EpisodeStart.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EpisodeStart episodeId. */
            episodeId: string;

            /** EpisodeStart task. */
            task: string;

            /** EpisodeStart leaseId. */
            leaseId: string;

            /** EpisodeStart operator. */
            operator: string;

            /** EpisodeStart fps. */
            fps: number;

            /**
             * Creates a new EpisodeStart instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EpisodeStart instance
             */
            static create(properties: teleop.v1.EpisodeStart.$Shape): teleop.v1.EpisodeStart & teleop.v1.EpisodeStart.$Shape;
            static create(properties?: teleop.v1.EpisodeStart.$Properties): teleop.v1.EpisodeStart;

            /**
             * Encodes the specified EpisodeStart message. Does not implicitly {@link teleop.v1.EpisodeStart.verify|verify} messages.
             * @param message EpisodeStart message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.EpisodeStart.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified EpisodeStart message, length delimited. Does not implicitly {@link teleop.v1.EpisodeStart.verify|verify} messages.
             * @param message EpisodeStart message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.EpisodeStart.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EpisodeStart message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.EpisodeStart & teleop.v1.EpisodeStart.$Shape} EpisodeStart
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.EpisodeStart & teleop.v1.EpisodeStart.$Shape;

            /**
             * Decodes an EpisodeStart message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.EpisodeStart & teleop.v1.EpisodeStart.$Shape} EpisodeStart
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.EpisodeStart & teleop.v1.EpisodeStart.$Shape;

            /**
             * Verifies an EpisodeStart message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an EpisodeStart message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns EpisodeStart
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.EpisodeStart;

            /**
             * Creates a plain object from an EpisodeStart message. Also converts values to other types if specified.
             * @param message EpisodeStart
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.EpisodeStart, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this EpisodeStart to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for EpisodeStart
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace EpisodeStart {

            /** Properties of an EpisodeStart. */
            interface $Properties {

                /** EpisodeStart episodeId */
                episodeId?: (string|null);

                /** EpisodeStart task */
                task?: (string|null);

                /** EpisodeStart leaseId */
                leaseId?: (string|null);

                /** EpisodeStart operator */
                operator?: (string|null);

                /** EpisodeStart fps */
                fps?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EpisodeStart. */
            type $Shape = teleop.v1.EpisodeStart.$Properties;
        }

        /**
         * Properties of an EpisodeStop.
         * @deprecated Use teleop.v1.EpisodeStop.$Properties instead.
         */
        interface IEpisodeStop extends teleop.v1.EpisodeStop.$Properties {
        }

        /** Represents an EpisodeStop. */
        class EpisodeStop {

            /**
             * Constructs a new EpisodeStop.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.EpisodeStop.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EpisodeStop episodeId. */
            episodeId: string;

            /** EpisodeStop outcome. */
            outcome: string;

            /**
             * Creates a new EpisodeStop instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EpisodeStop instance
             */
            static create(properties: teleop.v1.EpisodeStop.$Shape): teleop.v1.EpisodeStop & teleop.v1.EpisodeStop.$Shape;
            static create(properties?: teleop.v1.EpisodeStop.$Properties): teleop.v1.EpisodeStop;

            /**
             * Encodes the specified EpisodeStop message. Does not implicitly {@link teleop.v1.EpisodeStop.verify|verify} messages.
             * @param message EpisodeStop message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.EpisodeStop.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified EpisodeStop message, length delimited. Does not implicitly {@link teleop.v1.EpisodeStop.verify|verify} messages.
             * @param message EpisodeStop message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.EpisodeStop.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EpisodeStop message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.EpisodeStop & teleop.v1.EpisodeStop.$Shape} EpisodeStop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.EpisodeStop & teleop.v1.EpisodeStop.$Shape;

            /**
             * Decodes an EpisodeStop message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.EpisodeStop & teleop.v1.EpisodeStop.$Shape} EpisodeStop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.EpisodeStop & teleop.v1.EpisodeStop.$Shape;

            /**
             * Verifies an EpisodeStop message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an EpisodeStop message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns EpisodeStop
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.EpisodeStop;

            /**
             * Creates a plain object from an EpisodeStop message. Also converts values to other types if specified.
             * @param message EpisodeStop
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.EpisodeStop, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this EpisodeStop to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for EpisodeStop
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace EpisodeStop {

            /** Properties of an EpisodeStop. */
            interface $Properties {

                /** EpisodeStop episodeId */
                episodeId?: (string|null);

                /** EpisodeStop outcome */
                outcome?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EpisodeStop. */
            type $Shape = teleop.v1.EpisodeStop.$Properties;
        }

        /**
         * Properties of a SessionEvent.
         * @deprecated Use teleop.v1.SessionEvent.$Properties instead.
         */
        interface ISessionEvent extends teleop.v1.SessionEvent.$Properties {
        }

        /** Represents a SessionEvent. */
        class SessionEvent {

            /**
             * Constructs a new SessionEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.SessionEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SessionEvent timeNs. */
            timeNs: Long;

            /** SessionEvent leaseGranted. */
            leaseGranted?: (teleop.v1.LeaseGranted.$Properties|null);

            /** SessionEvent leaseRevoked. */
            leaseRevoked?: (teleop.v1.LeaseRevoked.$Properties|null);

            /** SessionEvent estop. */
            estop?: (teleop.v1.EStop.$Properties|null);

            /** SessionEvent estopReset. */
            estopReset?: (teleop.v1.EStopReset.$Properties|null);

            /** SessionEvent episodeStart. */
            episodeStart?: (teleop.v1.EpisodeStart.$Properties|null);

            /** SessionEvent episodeStop. */
            episodeStop?: (teleop.v1.EpisodeStop.$Properties|null);

            /** SessionEvent event. */
            event?: ("leaseGranted"|"leaseRevoked"|"estop"|"estopReset"|"episodeStart"|"episodeStop");

            /**
             * Creates a new SessionEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SessionEvent instance
             */
            static create(properties: teleop.v1.SessionEvent.$Shape): teleop.v1.SessionEvent & teleop.v1.SessionEvent.$Shape;
            static create(properties?: teleop.v1.SessionEvent.$Properties): teleop.v1.SessionEvent;

            /**
             * Encodes the specified SessionEvent message. Does not implicitly {@link teleop.v1.SessionEvent.verify|verify} messages.
             * @param message SessionEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.SessionEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SessionEvent message, length delimited. Does not implicitly {@link teleop.v1.SessionEvent.verify|verify} messages.
             * @param message SessionEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.SessionEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SessionEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.SessionEvent & teleop.v1.SessionEvent.$Shape} SessionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.SessionEvent & teleop.v1.SessionEvent.$Shape;

            /**
             * Decodes a SessionEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.SessionEvent & teleop.v1.SessionEvent.$Shape} SessionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.SessionEvent & teleop.v1.SessionEvent.$Shape;

            /**
             * Verifies a SessionEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SessionEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SessionEvent
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.SessionEvent;

            /**
             * Creates a plain object from a SessionEvent message. Also converts values to other types if specified.
             * @param message SessionEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.SessionEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SessionEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SessionEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SessionEvent {

            /** Properties of a SessionEvent. */
            interface $Properties {

                /** SessionEvent timeNs */
                timeNs?: (Long|null);

                /** SessionEvent leaseGranted */
                leaseGranted?: (teleop.v1.LeaseGranted.$Properties|null);

                /** SessionEvent leaseRevoked */
                leaseRevoked?: (teleop.v1.LeaseRevoked.$Properties|null);

                /** SessionEvent estop */
                estop?: (teleop.v1.EStop.$Properties|null);

                /** SessionEvent estopReset */
                estopReset?: (teleop.v1.EStopReset.$Properties|null);

                /** SessionEvent episodeStart */
                episodeStart?: (teleop.v1.EpisodeStart.$Properties|null);

                /** SessionEvent episodeStop */
                episodeStop?: (teleop.v1.EpisodeStop.$Properties|null);

                /** SessionEvent event */
                event?: ("leaseGranted"|"leaseRevoked"|"estop"|"estopReset"|"episodeStart"|"episodeStop");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a SessionEvent. */
            type $Shape = {
              timeNs?: Long|null;
              leaseGranted?: teleop.v1.LeaseGranted.$Shape|null;
              leaseRevoked?: teleop.v1.LeaseRevoked.$Shape|null;
              estop?: teleop.v1.EStop.$Shape|null;
              estopReset?: teleop.v1.EStopReset.$Shape|null;
              episodeStart?: teleop.v1.EpisodeStart.$Shape|null;
              episodeStop?: teleop.v1.EpisodeStop.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ event?: undefined; leaseGranted?: null; leaseRevoked?: null; estop?: null; estopReset?: null; episodeStart?: null; episodeStop?: null }|{ event?: "leaseGranted"; leaseGranted: teleop.v1.LeaseGranted.$Shape; leaseRevoked?: null; estop?: null; estopReset?: null; episodeStart?: null; episodeStop?: null }|{ event?: "leaseRevoked"; leaseGranted?: null; leaseRevoked: teleop.v1.LeaseRevoked.$Shape; estop?: null; estopReset?: null; episodeStart?: null; episodeStop?: null }|{ event?: "estop"; leaseGranted?: null; leaseRevoked?: null; estop: teleop.v1.EStop.$Shape; estopReset?: null; episodeStart?: null; episodeStop?: null }|{ event?: "estopReset"; leaseGranted?: null; leaseRevoked?: null; estop?: null; estopReset: teleop.v1.EStopReset.$Shape; episodeStart?: null; episodeStop?: null }|{ event?: "episodeStart"; leaseGranted?: null; leaseRevoked?: null; estop?: null; estopReset?: null; episodeStart: teleop.v1.EpisodeStart.$Shape; episodeStop?: null }|{ event?: "episodeStop"; leaseGranted?: null; leaseRevoked?: null; estop?: null; estopReset?: null; episodeStart?: null; episodeStop: teleop.v1.EpisodeStop.$Shape })
            );
        }

        /**
         * Properties of a JointState.
         * @deprecated Use teleop.v1.JointState.$Properties instead.
         */
        interface IJointState extends teleop.v1.JointState.$Properties {
        }

        /** Represents a JointState. */
        class JointState {

            /**
             * Constructs a new JointState.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.JointState.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JointState captureTimeNs. */
            captureTimeNs: Long;

            /** JointState positions. */
            positions: number[];

            /** JointState velocities. */
            velocities: number[];

            /** JointState efforts. */
            efforts: number[];

            /** JointState appliedPositions. */
            appliedPositions: number[];

            /** JointState appliedSequence. */
            appliedSequence: Long;

            /** JointState leaseId. */
            leaseId: string;

            /** JointState stateSequence. */
            stateSequence: Long;

            /**
             * Creates a new JointState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JointState instance
             */
            static create(properties: teleop.v1.JointState.$Shape): teleop.v1.JointState & teleop.v1.JointState.$Shape;
            static create(properties?: teleop.v1.JointState.$Properties): teleop.v1.JointState;

            /**
             * Encodes the specified JointState message. Does not implicitly {@link teleop.v1.JointState.verify|verify} messages.
             * @param message JointState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.JointState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified JointState message, length delimited. Does not implicitly {@link teleop.v1.JointState.verify|verify} messages.
             * @param message JointState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.JointState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JointState message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.JointState & teleop.v1.JointState.$Shape} JointState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.JointState & teleop.v1.JointState.$Shape;

            /**
             * Decodes a JointState message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.JointState & teleop.v1.JointState.$Shape} JointState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.JointState & teleop.v1.JointState.$Shape;

            /**
             * Verifies a JointState message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JointState message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JointState
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.JointState;

            /**
             * Creates a plain object from a JointState message. Also converts values to other types if specified.
             * @param message JointState
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.JointState, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JointState to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for JointState
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace JointState {

            /** Properties of a JointState. */
            interface $Properties {

                /** JointState captureTimeNs */
                captureTimeNs?: (Long|null);

                /** JointState positions */
                positions?: (number[]|null);

                /** JointState velocities */
                velocities?: (number[]|null);

                /** JointState efforts */
                efforts?: (number[]|null);

                /** JointState appliedPositions */
                appliedPositions?: (number[]|null);

                /** JointState appliedSequence */
                appliedSequence?: (Long|null);

                /** JointState leaseId */
                leaseId?: (string|null);

                /** JointState stateSequence */
                stateSequence?: (Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JointState. */
            type $Shape = teleop.v1.JointState.$Properties;
        }

        /** RobotMode enum. */
        enum RobotMode {

            /** ROBOT_MODE_UNSPECIFIED value */
            ROBOT_MODE_UNSPECIFIED = 0,

            /** ROBOT_MODE_IDLE value */
            ROBOT_MODE_IDLE = 1,

            /** ROBOT_MODE_TELEOP value */
            ROBOT_MODE_TELEOP = 2,

            /** ROBOT_MODE_HOLDING value */
            ROBOT_MODE_HOLDING = 3,

            /** ROBOT_MODE_ESTOPPED value */
            ROBOT_MODE_ESTOPPED = 4,

            /** ROBOT_MODE_FAULT value */
            ROBOT_MODE_FAULT = 5
        }

        /**
         * Properties of a Fault.
         * @deprecated Use teleop.v1.Fault.$Properties instead.
         */
        interface IFault extends teleop.v1.Fault.$Properties {
        }

        /** Represents a Fault. */
        class Fault {

            /**
             * Constructs a new Fault.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.Fault.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Fault code. */
            code: string;

            /** Fault message. */
            message: string;

            /** Fault joint. */
            joint: string;

            /**
             * Creates a new Fault instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Fault instance
             */
            static create(properties: teleop.v1.Fault.$Shape): teleop.v1.Fault & teleop.v1.Fault.$Shape;
            static create(properties?: teleop.v1.Fault.$Properties): teleop.v1.Fault;

            /**
             * Encodes the specified Fault message. Does not implicitly {@link teleop.v1.Fault.verify|verify} messages.
             * @param message Fault message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.Fault.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Fault message, length delimited. Does not implicitly {@link teleop.v1.Fault.verify|verify} messages.
             * @param message Fault message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.Fault.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Fault message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.Fault & teleop.v1.Fault.$Shape} Fault
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.Fault & teleop.v1.Fault.$Shape;

            /**
             * Decodes a Fault message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.Fault & teleop.v1.Fault.$Shape} Fault
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.Fault & teleop.v1.Fault.$Shape;

            /**
             * Verifies a Fault message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Fault message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Fault
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.Fault;

            /**
             * Creates a plain object from a Fault message. Also converts values to other types if specified.
             * @param message Fault
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.Fault, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Fault to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Fault
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Fault {

            /** Properties of a Fault. */
            interface $Properties {

                /** Fault code */
                code?: (string|null);

                /** Fault message */
                message?: (string|null);

                /** Fault joint */
                joint?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Fault. */
            type $Shape = teleop.v1.Fault.$Properties;
        }

        /**
         * Properties of a RobotStatus.
         * @deprecated Use teleop.v1.RobotStatus.$Properties instead.
         */
        interface IRobotStatus extends teleop.v1.RobotStatus.$Properties {
        }

        /** Represents a RobotStatus. */
        class RobotStatus {

            /**
             * Constructs a new RobotStatus.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.RobotStatus.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RobotStatus timeNs. */
            timeNs: Long;

            /** RobotStatus mode. */
            mode: teleop.v1.RobotMode;

            /** RobotStatus estop. */
            estop: boolean;

            /** RobotStatus estopReason. */
            estopReason: string;

            /** RobotStatus faults. */
            faults: teleop.v1.Fault.$Properties[];

            /** RobotStatus leaseId. */
            leaseId: string;

            /** RobotStatus commandsApplied. */
            commandsApplied: Long;

            /** RobotStatus commandsRejected. */
            commandsRejected: Long;

            /** RobotStatus clockOffsetNs. */
            clockOffsetNs: Long;

            /** RobotStatus cameras. */
            cameras: teleop.v1.CameraStatus.$Properties[];

            /** RobotStatus recordingEpisodeId. */
            recordingEpisodeId: string;

            /** RobotStatus control. */
            control?: (teleop.v1.ControlTiming.$Properties|null);

            /**
             * Creates a new RobotStatus instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RobotStatus instance
             */
            static create(properties: teleop.v1.RobotStatus.$Shape): teleop.v1.RobotStatus & teleop.v1.RobotStatus.$Shape;
            static create(properties?: teleop.v1.RobotStatus.$Properties): teleop.v1.RobotStatus;

            /**
             * Encodes the specified RobotStatus message. Does not implicitly {@link teleop.v1.RobotStatus.verify|verify} messages.
             * @param message RobotStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.RobotStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RobotStatus message, length delimited. Does not implicitly {@link teleop.v1.RobotStatus.verify|verify} messages.
             * @param message RobotStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.RobotStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RobotStatus message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.RobotStatus & teleop.v1.RobotStatus.$Shape} RobotStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.RobotStatus & teleop.v1.RobotStatus.$Shape;

            /**
             * Decodes a RobotStatus message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.RobotStatus & teleop.v1.RobotStatus.$Shape} RobotStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.RobotStatus & teleop.v1.RobotStatus.$Shape;

            /**
             * Verifies a RobotStatus message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RobotStatus message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RobotStatus
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.RobotStatus;

            /**
             * Creates a plain object from a RobotStatus message. Also converts values to other types if specified.
             * @param message RobotStatus
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.RobotStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RobotStatus to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RobotStatus
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RobotStatus {

            /** Properties of a RobotStatus. */
            interface $Properties {

                /** RobotStatus timeNs */
                timeNs?: (Long|null);

                /** RobotStatus mode */
                mode?: (teleop.v1.RobotMode|null);

                /** RobotStatus estop */
                estop?: (boolean|null);

                /** RobotStatus estopReason */
                estopReason?: (string|null);

                /** RobotStatus faults */
                faults?: (teleop.v1.Fault.$Properties[]|null);

                /** RobotStatus leaseId */
                leaseId?: (string|null);

                /** RobotStatus commandsApplied */
                commandsApplied?: (Long|null);

                /** RobotStatus commandsRejected */
                commandsRejected?: (Long|null);

                /** RobotStatus clockOffsetNs */
                clockOffsetNs?: (Long|null);

                /** RobotStatus cameras */
                cameras?: (teleop.v1.CameraStatus.$Properties[]|null);

                /** RobotStatus recordingEpisodeId */
                recordingEpisodeId?: (string|null);

                /** RobotStatus control */
                control?: (teleop.v1.ControlTiming.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RobotStatus. */
            type $Shape = teleop.v1.RobotStatus.$Properties;
        }

        /**
         * Properties of a ControlTiming.
         * @deprecated Use teleop.v1.ControlTiming.$Properties instead.
         */
        interface IControlTiming extends teleop.v1.ControlTiming.$Properties {
        }

        /** Represents a ControlTiming. */
        class ControlTiming {

            /**
             * Constructs a new ControlTiming.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.ControlTiming.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ControlTiming steps. */
            steps: Long;

            /** ControlTiming overruns. */
            overruns: Long;

            /** ControlTiming lateP50Ms. */
            lateP50Ms: number;

            /** ControlTiming lateP99Ms. */
            lateP99Ms: number;

            /** ControlTiming lateMaxMs. */
            lateMaxMs: number;

            /** ControlTiming durationP99Ms. */
            durationP99Ms: number;

            /**
             * Creates a new ControlTiming instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ControlTiming instance
             */
            static create(properties: teleop.v1.ControlTiming.$Shape): teleop.v1.ControlTiming & teleop.v1.ControlTiming.$Shape;
            static create(properties?: teleop.v1.ControlTiming.$Properties): teleop.v1.ControlTiming;

            /**
             * Encodes the specified ControlTiming message. Does not implicitly {@link teleop.v1.ControlTiming.verify|verify} messages.
             * @param message ControlTiming message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.ControlTiming.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ControlTiming message, length delimited. Does not implicitly {@link teleop.v1.ControlTiming.verify|verify} messages.
             * @param message ControlTiming message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.ControlTiming.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ControlTiming message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.ControlTiming & teleop.v1.ControlTiming.$Shape} ControlTiming
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.ControlTiming & teleop.v1.ControlTiming.$Shape;

            /**
             * Decodes a ControlTiming message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.ControlTiming & teleop.v1.ControlTiming.$Shape} ControlTiming
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.ControlTiming & teleop.v1.ControlTiming.$Shape;

            /**
             * Verifies a ControlTiming message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ControlTiming message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ControlTiming
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.ControlTiming;

            /**
             * Creates a plain object from a ControlTiming message. Also converts values to other types if specified.
             * @param message ControlTiming
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.ControlTiming, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ControlTiming to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ControlTiming
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ControlTiming {

            /** Properties of a ControlTiming. */
            interface $Properties {

                /** ControlTiming steps */
                steps?: (Long|null);

                /** ControlTiming overruns */
                overruns?: (Long|null);

                /** ControlTiming lateP50Ms */
                lateP50Ms?: (number|null);

                /** ControlTiming lateP99Ms */
                lateP99Ms?: (number|null);

                /** ControlTiming lateMaxMs */
                lateMaxMs?: (number|null);

                /** ControlTiming durationP99Ms */
                durationP99Ms?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ControlTiming. */
            type $Shape = teleop.v1.ControlTiming.$Properties;
        }

        /**
         * Properties of a CameraStatus.
         * @deprecated Use teleop.v1.CameraStatus.$Properties instead.
         */
        interface ICameraStatus extends teleop.v1.CameraStatus.$Properties {
        }

        /** Represents a CameraStatus. */
        class CameraStatus {

            /**
             * Constructs a new CameraStatus.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.CameraStatus.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CameraStatus name. */
            name: string;

            /** CameraStatus framesCaptured. */
            framesCaptured: Long;

            /** CameraStatus framesSkipped. */
            framesSkipped: Long;

            /** CameraStatus encoderRestarts. */
            encoderRestarts: number;

            /** CameraStatus keyframesForced. */
            keyframesForced: number;

            /** CameraStatus encodeLatencyP50Ms. */
            encodeLatencyP50Ms: number;

            /** CameraStatus encodeLatencyP95Ms. */
            encodeLatencyP95Ms: number;

            /** CameraStatus fault. */
            fault: string;

            /** CameraStatus recordingFrames. */
            recordingFrames: Long;

            /** CameraStatus recordingDroppedFrames. */
            recordingDroppedFrames: Long;

            /**
             * Creates a new CameraStatus instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CameraStatus instance
             */
            static create(properties: teleop.v1.CameraStatus.$Shape): teleop.v1.CameraStatus & teleop.v1.CameraStatus.$Shape;
            static create(properties?: teleop.v1.CameraStatus.$Properties): teleop.v1.CameraStatus;

            /**
             * Encodes the specified CameraStatus message. Does not implicitly {@link teleop.v1.CameraStatus.verify|verify} messages.
             * @param message CameraStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.CameraStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified CameraStatus message, length delimited. Does not implicitly {@link teleop.v1.CameraStatus.verify|verify} messages.
             * @param message CameraStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.CameraStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CameraStatus message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.CameraStatus & teleop.v1.CameraStatus.$Shape} CameraStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.CameraStatus & teleop.v1.CameraStatus.$Shape;

            /**
             * Decodes a CameraStatus message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.CameraStatus & teleop.v1.CameraStatus.$Shape} CameraStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.CameraStatus & teleop.v1.CameraStatus.$Shape;

            /**
             * Verifies a CameraStatus message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a CameraStatus message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CameraStatus
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.CameraStatus;

            /**
             * Creates a plain object from a CameraStatus message. Also converts values to other types if specified.
             * @param message CameraStatus
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.CameraStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CameraStatus to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for CameraStatus
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace CameraStatus {

            /** Properties of a CameraStatus. */
            interface $Properties {

                /** CameraStatus name */
                name?: (string|null);

                /** CameraStatus framesCaptured */
                framesCaptured?: (Long|null);

                /** CameraStatus framesSkipped */
                framesSkipped?: (Long|null);

                /** CameraStatus encoderRestarts */
                encoderRestarts?: (number|null);

                /** CameraStatus keyframesForced */
                keyframesForced?: (number|null);

                /** CameraStatus encodeLatencyP50Ms */
                encodeLatencyP50Ms?: (number|null);

                /** CameraStatus encodeLatencyP95Ms */
                encodeLatencyP95Ms?: (number|null);

                /** CameraStatus fault */
                fault?: (string|null);

                /** CameraStatus recordingFrames */
                recordingFrames?: (Long|null);

                /** CameraStatus recordingDroppedFrames */
                recordingDroppedFrames?: (Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CameraStatus. */
            type $Shape = teleop.v1.CameraStatus.$Properties;
        }

        /**
         * Properties of a RobotEvent.
         * @deprecated Use teleop.v1.RobotEvent.$Properties instead.
         */
        interface IRobotEvent extends teleop.v1.RobotEvent.$Properties {
        }

        /** Represents a RobotEvent. */
        class RobotEvent {

            /**
             * Constructs a new RobotEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: teleop.v1.RobotEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RobotEvent timeNs. */
            timeNs: Long;

            /** RobotEvent kind. */
            kind: teleop.v1.RobotEvent.Kind;

            /** RobotEvent message. */
            message: string;

            /** RobotEvent leaseId. */
            leaseId: string;

            /** RobotEvent sequence. */
            sequence: Long;

            /** RobotEvent reason. */
            reason: string;

            /** RobotEvent estopId. */
            estopId: string;

            /**
             * Creates a new RobotEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RobotEvent instance
             */
            static create(properties: teleop.v1.RobotEvent.$Shape): teleop.v1.RobotEvent & teleop.v1.RobotEvent.$Shape;
            static create(properties?: teleop.v1.RobotEvent.$Properties): teleop.v1.RobotEvent;

            /**
             * Encodes the specified RobotEvent message. Does not implicitly {@link teleop.v1.RobotEvent.verify|verify} messages.
             * @param message RobotEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: teleop.v1.RobotEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RobotEvent message, length delimited. Does not implicitly {@link teleop.v1.RobotEvent.verify|verify} messages.
             * @param message RobotEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: teleop.v1.RobotEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RobotEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {teleop.v1.RobotEvent & teleop.v1.RobotEvent.$Shape} RobotEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): teleop.v1.RobotEvent & teleop.v1.RobotEvent.$Shape;

            /**
             * Decodes a RobotEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {teleop.v1.RobotEvent & teleop.v1.RobotEvent.$Shape} RobotEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): teleop.v1.RobotEvent & teleop.v1.RobotEvent.$Shape;

            /**
             * Verifies a RobotEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RobotEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RobotEvent
             */
            static fromObject(object: { [k: string]: any }): teleop.v1.RobotEvent;

            /**
             * Creates a plain object from a RobotEvent message. Also converts values to other types if specified.
             * @param message RobotEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: teleop.v1.RobotEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RobotEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RobotEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RobotEvent {

            /** Properties of a RobotEvent. */
            interface $Properties {

                /** RobotEvent timeNs */
                timeNs?: (Long|null);

                /** RobotEvent kind */
                kind?: (teleop.v1.RobotEvent.Kind|null);

                /** RobotEvent message */
                message?: (string|null);

                /** RobotEvent leaseId */
                leaseId?: (string|null);

                /** RobotEvent sequence */
                sequence?: (Long|null);

                /** RobotEvent reason */
                reason?: (string|null);

                /** RobotEvent estopId */
                estopId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RobotEvent. */
            type $Shape = teleop.v1.RobotEvent.$Properties;

            /** Kind enum. */
            enum Kind {

                /** KIND_UNSPECIFIED value */
                KIND_UNSPECIFIED = 0,

                /** KIND_COMMAND_REJECTED value */
                KIND_COMMAND_REJECTED = 1,

                /** KIND_WATCHDOG_HOLD value */
                KIND_WATCHDOG_HOLD = 2,

                /** KIND_ESTOP_ENGAGED value */
                KIND_ESTOP_ENGAGED = 3,

                /** KIND_ESTOP_RESET value */
                KIND_ESTOP_RESET = 4,

                /** KIND_FAULT value */
                KIND_FAULT = 5,

                /** KIND_LEASE_APPLIED value */
                KIND_LEASE_APPLIED = 6,

                /** KIND_RECORDING_LOSS value */
                KIND_RECORDING_LOSS = 7
            }
        }
    }
}
