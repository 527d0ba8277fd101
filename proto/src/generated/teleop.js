/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $Boolean = $util.global.Boolean, $String = $util.global.String, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const teleop = $root.teleop = (() => {

    /**
     * Namespace teleop.
     * @exports teleop
     * @namespace
     */
    const teleop = {};

    teleop.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof teleop
         * @namespace
         */
        const v1 = {};

        v1.Ping = (function() {

            /**
             * Properties of a Ping.
             * @typedef {Object} teleop.v1.Ping.$Properties
             * @property {Long|null} [id] Ping id
             * @property {Long|null} [t0Ns] Ping t0Ns
             * @property {Long|null} [offsetNs] Ping offsetNs
             * @property {boolean|null} [offsetKnown] Ping offsetKnown
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Ping.
             * @memberof teleop.v1
             * @interface IPing
             * @augments teleop.v1.Ping.$Properties
             * @deprecated Use teleop.v1.Ping.$Properties instead.
             */

            /**
             * Shape of a Ping.
             * @typedef {teleop.v1.Ping.$Properties} teleop.v1.Ping.$Shape
             */

            /**
             * Constructs a new Ping.
             * @memberof teleop.v1
             * @classdesc Represents a Ping.
             * @constructor
             * @param {teleop.v1.Ping.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ping = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Ping id.
             * @member {Long} id
             * @memberof teleop.v1.Ping
             * @instance
             */
            Ping.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Ping t0Ns.
             * @member {Long} t0Ns
             * @memberof teleop.v1.Ping
             * @instance
             */
            Ping.prototype.t0Ns = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Ping offsetNs.
             * @member {Long} offsetNs
             * @memberof teleop.v1.Ping
             * @instance
             */
            Ping.prototype.offsetNs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Ping offsetKnown.
             * @member {boolean} offsetKnown
             * @memberof teleop.v1.Ping
             * @instance
             */
            Ping.prototype.offsetKnown = false;

            /**
             * Creates a new Ping instance using the specified properties.
             * @function create
             * @memberof teleop.v1.Ping
             * @static
             * @param {teleop.v1.Ping.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.Ping} Ping instance
             * @type {{
             *   (properties: teleop.v1.Ping.$Shape): teleop.v1.Ping & teleop.v1.Ping.$Shape;
             *   (properties?: teleop.v1.Ping.$Properties): teleop.v1.Ping;
             * }}
             */
            Ping.create = function(properties) {
                return new Ping(properties);
            };

            /**
             * Encodes the specified Ping message. Does not implicitly {@link teleop.v1.Ping.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.Ping
             * @static
             * @param {teleop.v1.Ping.$Properties} message Ping message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ping.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && (typeof message.id === "object" ? message.id.low || message.id.high : message.id !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.id);
                if (message.t0Ns != null && $Object.hasOwnProperty.call(message, "t0Ns") && (typeof message.t0Ns === "object" ? message.t0Ns.low || message.t0Ns.high : message.t0Ns !== 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).fixed64(message.t0Ns);
                if (message.offsetNs != null && $Object.hasOwnProperty.call(message, "offsetNs") && (typeof message.offsetNs === "object" ? message.offsetNs.low || message.offsetNs.high : message.offsetNs !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).sint64(message.offsetNs);
                if (message.offsetKnown != null && $Object.hasOwnProperty.call(message, "offsetKnown") && message.offsetKnown !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.offsetKnown);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Ping message, length delimited. Does not implicitly {@link teleop.v1.Ping.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.Ping
             * @static
             * @param {teleop.v1.Ping.$Properties} message Ping message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ping.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.Ping
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.Ping & teleop.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ping.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.Ping();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                                message.t0Ns = value;
                            else
                                delete message.t0Ns;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.sint64()) === "object" ? value.low || value.high : value !== 0)
                                message.offsetNs = value;
                            else
                                delete message.offsetNs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.offsetKnown = value;
                            else
                                delete message.offsetKnown;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Ping message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.Ping
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.Ping & teleop.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ping.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Ping message.
             * @function verify
             * @memberof teleop.v1.Ping
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Ping.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isInteger(message.id) && !(message.id && $util.isInteger(message.id.low) && $util.isInteger(message.id.high)))
                        return "id: integer|Long expected";
                if (message.t0Ns != null && $Object.hasOwnProperty.call(message, "t0Ns"))
                    if (!$util.isInteger(message.t0Ns) && !(message.t0Ns && $util.isInteger(message.t0Ns.low) && $util.isInteger(message.t0Ns.high)))
                        return "t0Ns: integer|Long expected";
                if (message.offsetNs != null && $Object.hasOwnProperty.call(message, "offsetNs"))
                    if (!$util.isInteger(message.offsetNs) && !(message.offsetNs && $util.isInteger(message.offsetNs.low) && $util.isInteger(message.offsetNs.high)))
                        return "offsetNs: integer|Long expected";
                if (message.offsetKnown != null && $Object.hasOwnProperty.call(message, "offsetKnown"))
                    if (typeof message.offsetKnown !== "boolean")
                        return "offsetKnown: boolean expected";
                return null;
            };

            /**
             * Creates a Ping message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.Ping
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.Ping} Ping
             */
            Ping.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.Ping)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.Ping: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.Ping();
                if (object.id != null)
                    if (typeof object.id === "object" ? object.id.low || object.id.high : $Number(object.id) !== 0)
                        if ($util.Long)
                            message.id = $util.Long.fromValue(object.id, true);
                        else if (typeof object.id === "string")
                            message.id = $parseInt(object.id, 10);
                        else if (typeof object.id === "number")
                            message.id = object.id;
                        else if (typeof object.id === "object")
                            message.id = new $util.LongBits(object.id.low >>> 0, object.id.high >>> 0).toNumber(true);
                if (object.t0Ns != null)
                    if (typeof object.t0Ns === "object" ? object.t0Ns.low || object.t0Ns.high : $Number(object.t0Ns) !== 0)
                        if ($util.Long)
                            message.t0Ns = $util.Long.fromValue(object.t0Ns, true);
                        else if (typeof object.t0Ns === "string")
                            message.t0Ns = $parseInt(object.t0Ns, 10);
                        else if (typeof object.t0Ns === "number")
                            message.t0Ns = object.t0Ns;
                        else if (typeof object.t0Ns === "object")
                            message.t0Ns = new $util.LongBits(object.t0Ns.low >>> 0, object.t0Ns.high >>> 0).toNumber(true);
                if (object.offsetNs != null)
                    if (typeof object.offsetNs === "object" ? object.offsetNs.low || object.offsetNs.high : $Number(object.offsetNs) !== 0)
                        if ($util.Long)
                            message.offsetNs = $util.Long.fromValue(object.offsetNs, false);
                        else if (typeof object.offsetNs === "string")
                            message.offsetNs = $parseInt(object.offsetNs, 10);
                        else if (typeof object.offsetNs === "number")
                            message.offsetNs = object.offsetNs;
                        else if (typeof object.offsetNs === "object")
                            message.offsetNs = new $util.LongBits(object.offsetNs.low >>> 0, object.offsetNs.high >>> 0).toNumber();
                if (object.offsetKnown != null)
                    if (object.offsetKnown)
                        message.offsetKnown = $Boolean(object.offsetKnown);
                return message;
            };

            /**
             * Creates a plain object from a Ping message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.Ping
             * @static
             * @param {teleop.v1.Ping} message Ping
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Ping.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.id = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.id = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.t0Ns = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.t0Ns = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.offsetNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.offsetNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.offsetKnown = false;
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.id = typeof message.id === "number" ? $BigInt(message.id) : $util.Long.fromBits(message.id.low >>> 0, message.id.high >>> 0, true).toBigInt();
                    else if (typeof message.id === "number")
                        object.id = options.longs === $String ? $String(message.id) : message.id;
                    else
                        object.id = options.longs === $String ? $util.Long.prototype.toString.call(message.id) : options.longs === $Number ? new $util.LongBits(message.id.low >>> 0, message.id.high >>> 0).toNumber(true) : message.id;
                if (message.t0Ns != null && $Object.hasOwnProperty.call(message, "t0Ns"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.t0Ns = typeof message.t0Ns === "number" ? $BigInt(message.t0Ns) : $util.Long.fromBits(message.t0Ns.low >>> 0, message.t0Ns.high >>> 0, true).toBigInt();
                    else if (typeof message.t0Ns === "number")
                        object.t0Ns = options.longs === $String ? $String(message.t0Ns) : message.t0Ns;
                    else
                        object.t0Ns = options.longs === $String ? $util.Long.prototype.toString.call(message.t0Ns) : options.longs === $Number ? new $util.LongBits(message.t0Ns.low >>> 0, message.t0Ns.high >>> 0).toNumber(true) : message.t0Ns;
                if (message.offsetNs != null && $Object.hasOwnProperty.call(message, "offsetNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.offsetNs = typeof message.offsetNs === "number" ? $BigInt(message.offsetNs) : $util.Long.fromBits(message.offsetNs.low >>> 0, message.offsetNs.high >>> 0, false).toBigInt();
                    else if (typeof message.offsetNs === "number")
                        object.offsetNs = options.longs === $String ? $String(message.offsetNs) : message.offsetNs;
                    else
                        object.offsetNs = options.longs === $String ? $util.Long.prototype.toString.call(message.offsetNs) : options.longs === $Number ? new $util.LongBits(message.offsetNs.low >>> 0, message.offsetNs.high >>> 0).toNumber() : message.offsetNs;
                if (message.offsetKnown != null && $Object.hasOwnProperty.call(message, "offsetKnown"))
                    object.offsetKnown = message.offsetKnown;
                return object;
            };

            /**
             * Converts this Ping to JSON.
             * @function toJSON
             * @memberof teleop.v1.Ping
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Ping.prototype.toJSON = function() {
                return Ping.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Ping
             * @function getTypeUrl
             * @memberof teleop.v1.Ping
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Ping.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.Ping";
            };

            return Ping;
        })();

        v1.Pong = (function() {

            /**
             * Properties of a Pong.
             * @typedef {Object} teleop.v1.Pong.$Properties
             * @property {Long|null} [id] Pong id
             * @property {Long|null} [t0Ns] Pong t0Ns
             * @property {Long|null} [t1Ns] Pong t1Ns
             * @property {Long|null} [t2Ns] Pong t2Ns
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Pong.
             * @memberof teleop.v1
             * @interface IPong
             * @augments teleop.v1.Pong.$Properties
             * @deprecated Use teleop.v1.Pong.$Properties instead.
             */

            /**
             * Shape of a Pong.
             * @typedef {teleop.v1.Pong.$Properties} teleop.v1.Pong.$Shape
             */

            /**
             * Constructs a new Pong.
             * @memberof teleop.v1
             * @classdesc Represents a Pong.
             * @constructor
             * @param {teleop.v1.Pong.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Pong = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Pong id.
             * @member {Long} id
             * @memberof teleop.v1.Pong
             * @instance
             */
            Pong.prototype.id = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Pong t0Ns.
             * @member {Long} t0Ns
             * @memberof teleop.v1.Pong
             * @instance
             */
            Pong.prototype.t0Ns = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Pong t1Ns.
             * @member {Long} t1Ns
             * @memberof teleop.v1.Pong
             * @instance
             */
            Pong.prototype.t1Ns = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Pong t2Ns.
             * @member {Long} t2Ns
             * @memberof teleop.v1.Pong
             * @instance
             */
            Pong.prototype.t2Ns = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Pong instance using the specified properties.
             * @function create
             * @memberof teleop.v1.Pong
             * @static
             * @param {teleop.v1.Pong.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.Pong} Pong instance
             * @type {{
             *   (properties: teleop.v1.Pong.$Shape): teleop.v1.Pong & teleop.v1.Pong.$Shape;
             *   (properties?: teleop.v1.Pong.$Properties): teleop.v1.Pong;
             * }}
             */
            Pong.create = function(properties) {
                return new Pong(properties);
            };

            /**
             * Encodes the specified Pong message. Does not implicitly {@link teleop.v1.Pong.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.Pong
             * @static
             * @param {teleop.v1.Pong.$Properties} message Pong message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Pong.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && (typeof message.id === "object" ? message.id.low || message.id.high : message.id !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.id);
                if (message.t0Ns != null && $Object.hasOwnProperty.call(message, "t0Ns") && (typeof message.t0Ns === "object" ? message.t0Ns.low || message.t0Ns.high : message.t0Ns !== 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).fixed64(message.t0Ns);
                if (message.t1Ns != null && $Object.hasOwnProperty.call(message, "t1Ns") && (typeof message.t1Ns === "object" ? message.t1Ns.low || message.t1Ns.high : message.t1Ns !== 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).fixed64(message.t1Ns);
                if (message.t2Ns != null && $Object.hasOwnProperty.call(message, "t2Ns") && (typeof message.t2Ns === "object" ? message.t2Ns.low || message.t2Ns.high : message.t2Ns !== 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).fixed64(message.t2Ns);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Pong message, length delimited. Does not implicitly {@link teleop.v1.Pong.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.Pong
             * @static
             * @param {teleop.v1.Pong.$Properties} message Pong message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Pong.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Pong message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.Pong
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.Pong & teleop.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Pong.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.Pong();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                                message.t0Ns = value;
                            else
                                delete message.t0Ns;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                                message.t1Ns = value;
                            else
                                delete message.t1Ns;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                                message.t2Ns = value;
                            else
                                delete message.t2Ns;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Pong message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.Pong
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.Pong & teleop.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Pong.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Pong message.
             * @function verify
             * @memberof teleop.v1.Pong
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Pong.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isInteger(message.id) && !(message.id && $util.isInteger(message.id.low) && $util.isInteger(message.id.high)))
                        return "id: integer|Long expected";
                if (message.t0Ns != null && $Object.hasOwnProperty.call(message, "t0Ns"))
                    if (!$util.isInteger(message.t0Ns) && !(message.t0Ns && $util.isInteger(message.t0Ns.low) && $util.isInteger(message.t0Ns.high)))
                        return "t0Ns: integer|Long expected";
                if (message.t1Ns != null && $Object.hasOwnProperty.call(message, "t1Ns"))
                    if (!$util.isInteger(message.t1Ns) && !(message.t1Ns && $util.isInteger(message.t1Ns.low) && $util.isInteger(message.t1Ns.high)))
                        return "t1Ns: integer|Long expected";
                if (message.t2Ns != null && $Object.hasOwnProperty.call(message, "t2Ns"))
                    if (!$util.isInteger(message.t2Ns) && !(message.t2Ns && $util.isInteger(message.t2Ns.low) && $util.isInteger(message.t2Ns.high)))
                        return "t2Ns: integer|Long expected";
                return null;
            };

            /**
             * Creates a Pong message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.Pong
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.Pong} Pong
             */
            Pong.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.Pong)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.Pong: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.Pong();
                if (object.id != null)
                    if (typeof object.id === "object" ? object.id.low || object.id.high : $Number(object.id) !== 0)
                        if ($util.Long)
                            message.id = $util.Long.fromValue(object.id, true);
                        else if (typeof object.id === "string")
                            message.id = $parseInt(object.id, 10);
                        else if (typeof object.id === "number")
                            message.id = object.id;
                        else if (typeof object.id === "object")
                            message.id = new $util.LongBits(object.id.low >>> 0, object.id.high >>> 0).toNumber(true);
                if (object.t0Ns != null)
                    if (typeof object.t0Ns === "object" ? object.t0Ns.low || object.t0Ns.high : $Number(object.t0Ns) !== 0)
                        if ($util.Long)
                            message.t0Ns = $util.Long.fromValue(object.t0Ns, true);
                        else if (typeof object.t0Ns === "string")
                            message.t0Ns = $parseInt(object.t0Ns, 10);
                        else if (typeof object.t0Ns === "number")
                            message.t0Ns = object.t0Ns;
                        else if (typeof object.t0Ns === "object")
                            message.t0Ns = new $util.LongBits(object.t0Ns.low >>> 0, object.t0Ns.high >>> 0).toNumber(true);
                if (object.t1Ns != null)
                    if (typeof object.t1Ns === "object" ? object.t1Ns.low || object.t1Ns.high : $Number(object.t1Ns) !== 0)
                        if ($util.Long)
                            message.t1Ns = $util.Long.fromValue(object.t1Ns, true);
                        else if (typeof object.t1Ns === "string")
                            message.t1Ns = $parseInt(object.t1Ns, 10);
                        else if (typeof object.t1Ns === "number")
                            message.t1Ns = object.t1Ns;
                        else if (typeof object.t1Ns === "object")
                            message.t1Ns = new $util.LongBits(object.t1Ns.low >>> 0, object.t1Ns.high >>> 0).toNumber(true);
                if (object.t2Ns != null)
                    if (typeof object.t2Ns === "object" ? object.t2Ns.low || object.t2Ns.high : $Number(object.t2Ns) !== 0)
                        if ($util.Long)
                            message.t2Ns = $util.Long.fromValue(object.t2Ns, true);
                        else if (typeof object.t2Ns === "string")
                            message.t2Ns = $parseInt(object.t2Ns, 10);
                        else if (typeof object.t2Ns === "number")
                            message.t2Ns = object.t2Ns;
                        else if (typeof object.t2Ns === "object")
                            message.t2Ns = new $util.LongBits(object.t2Ns.low >>> 0, object.t2Ns.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a Pong message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.Pong
             * @static
             * @param {teleop.v1.Pong} message Pong
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Pong.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.id = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.id = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.t0Ns = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.t0Ns = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.t1Ns = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.t1Ns = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.t2Ns = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.t2Ns = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.id = typeof message.id === "number" ? $BigInt(message.id) : $util.Long.fromBits(message.id.low >>> 0, message.id.high >>> 0, true).toBigInt();
                    else if (typeof message.id === "number")
                        object.id = options.longs === $String ? $String(message.id) : message.id;
                    else
                        object.id = options.longs === $String ? $util.Long.prototype.toString.call(message.id) : options.longs === $Number ? new $util.LongBits(message.id.low >>> 0, message.id.high >>> 0).toNumber(true) : message.id;
                if (message.t0Ns != null && $Object.hasOwnProperty.call(message, "t0Ns"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.t0Ns = typeof message.t0Ns === "number" ? $BigInt(message.t0Ns) : $util.Long.fromBits(message.t0Ns.low >>> 0, message.t0Ns.high >>> 0, true).toBigInt();
                    else if (typeof message.t0Ns === "number")
                        object.t0Ns = options.longs === $String ? $String(message.t0Ns) : message.t0Ns;
                    else
                        object.t0Ns = options.longs === $String ? $util.Long.prototype.toString.call(message.t0Ns) : options.longs === $Number ? new $util.LongBits(message.t0Ns.low >>> 0, message.t0Ns.high >>> 0).toNumber(true) : message.t0Ns;
                if (message.t1Ns != null && $Object.hasOwnProperty.call(message, "t1Ns"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.t1Ns = typeof message.t1Ns === "number" ? $BigInt(message.t1Ns) : $util.Long.fromBits(message.t1Ns.low >>> 0, message.t1Ns.high >>> 0, true).toBigInt();
                    else if (typeof message.t1Ns === "number")
                        object.t1Ns = options.longs === $String ? $String(message.t1Ns) : message.t1Ns;
                    else
                        object.t1Ns = options.longs === $String ? $util.Long.prototype.toString.call(message.t1Ns) : options.longs === $Number ? new $util.LongBits(message.t1Ns.low >>> 0, message.t1Ns.high >>> 0).toNumber(true) : message.t1Ns;
                if (message.t2Ns != null && $Object.hasOwnProperty.call(message, "t2Ns"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.t2Ns = typeof message.t2Ns === "number" ? $BigInt(message.t2Ns) : $util.Long.fromBits(message.t2Ns.low >>> 0, message.t2Ns.high >>> 0, true).toBigInt();
                    else if (typeof message.t2Ns === "number")
                        object.t2Ns = options.longs === $String ? $String(message.t2Ns) : message.t2Ns;
                    else
                        object.t2Ns = options.longs === $String ? $util.Long.prototype.toString.call(message.t2Ns) : options.longs === $Number ? new $util.LongBits(message.t2Ns.low >>> 0, message.t2Ns.high >>> 0).toNumber(true) : message.t2Ns;
                return object;
            };

            /**
             * Converts this Pong to JSON.
             * @function toJSON
             * @memberof teleop.v1.Pong
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Pong.prototype.toJSON = function() {
                return Pong.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Pong
             * @function getTypeUrl
             * @memberof teleop.v1.Pong
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Pong.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.Pong";
            };

            return Pong;
        })();

        v1.ControlCommand = (function() {

            /**
             * Properties of a ControlCommand.
             * @typedef {Object} teleop.v1.ControlCommand.$Properties
             * @property {Long|null} [sequence] ControlCommand sequence
             * @property {Long|null} [sendTimeNs] ControlCommand sendTimeNs
             * @property {string|null} [leaseId] ControlCommand leaseId
             * @property {teleop.v1.ControlMode|null} [mode] ControlCommand mode
             * @property {Array.<number>|null} [values] ControlCommand values
             * @property {Long|null} [hubTimeNs] ControlCommand hubTimeNs
             * @property {Long|null} [fencingToken] ControlCommand fencingToken
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ControlCommand.
             * @memberof teleop.v1
             * @interface IControlCommand
             * @augments teleop.v1.ControlCommand.$Properties
             * @deprecated Use teleop.v1.ControlCommand.$Properties instead.
             */

            /**
             * Shape of a ControlCommand.
             * @typedef {teleop.v1.ControlCommand.$Properties} teleop.v1.ControlCommand.$Shape
             */

            /**
             * Constructs a new ControlCommand.
             * @memberof teleop.v1
             * @classdesc Represents a ControlCommand.
             * @constructor
             * @param {teleop.v1.ControlCommand.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ControlCommand = function (properties) {
                this.values = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ControlCommand sequence.
             * @member {Long} sequence
             * @memberof teleop.v1.ControlCommand
             * @instance
             */
            ControlCommand.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ControlCommand sendTimeNs.
             * @member {Long} sendTimeNs
             * @memberof teleop.v1.ControlCommand
             * @instance
             */
            ControlCommand.prototype.sendTimeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ControlCommand leaseId.
             * @member {string} leaseId
             * @memberof teleop.v1.ControlCommand
             * @instance
             */
            ControlCommand.prototype.leaseId = "";

            /**
             * ControlCommand mode.
             * @member {teleop.v1.ControlMode} mode
             * @memberof teleop.v1.ControlCommand
             * @instance
             */
            ControlCommand.prototype.mode = 0;

            /**
             * ControlCommand values.
             * @member {Array.<number>} values
             * @memberof teleop.v1.ControlCommand
             * @instance
             */
            ControlCommand.prototype.values = $util.emptyArray;

            /**
             * ControlCommand hubTimeNs.
             * @member {Long} hubTimeNs
             * @memberof teleop.v1.ControlCommand
             * @instance
             */
            ControlCommand.prototype.hubTimeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ControlCommand fencingToken.
             * @member {Long} fencingToken
             * @memberof teleop.v1.ControlCommand
             * @instance
             */
            ControlCommand.prototype.fencingToken = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new ControlCommand instance using the specified properties.
             * @function create
             * @memberof teleop.v1.ControlCommand
             * @static
             * @param {teleop.v1.ControlCommand.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.ControlCommand} ControlCommand instance
             * @type {{
             *   (properties: teleop.v1.ControlCommand.$Shape): teleop.v1.ControlCommand & teleop.v1.ControlCommand.$Shape;
             *   (properties?: teleop.v1.ControlCommand.$Properties): teleop.v1.ControlCommand;
             * }}
             */
            ControlCommand.create = function(properties) {
                return new ControlCommand(properties);
            };

            /**
             * Encodes the specified ControlCommand message. Does not implicitly {@link teleop.v1.ControlCommand.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.ControlCommand
             * @static
             * @param {teleop.v1.ControlCommand.$Properties} message ControlCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ControlCommand.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sequence != null && $Object.hasOwnProperty.call(message, "sequence") && (typeof message.sequence === "object" ? message.sequence.low || message.sequence.high : message.sequence !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.sequence);
                if (message.sendTimeNs != null && $Object.hasOwnProperty.call(message, "sendTimeNs") && (typeof message.sendTimeNs === "object" ? message.sendTimeNs.low || message.sendTimeNs.high : message.sendTimeNs !== 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).fixed64(message.sendTimeNs);
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId") && message.leaseId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.leaseId);
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.mode);
                if (message.values != null && message.values.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).doubles(message.values);
                if (message.hubTimeNs != null && $Object.hasOwnProperty.call(message, "hubTimeNs") && (typeof message.hubTimeNs === "object" ? message.hubTimeNs.low || message.hubTimeNs.high : message.hubTimeNs !== 0))
                    writer.uint32(/* id 6, wireType 1 =*/49).fixed64(message.hubTimeNs);
                if (message.fencingToken != null && $Object.hasOwnProperty.call(message, "fencingToken") && (typeof message.fencingToken === "object" ? message.fencingToken.low || message.fencingToken.high : message.fencingToken !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.fencingToken);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ControlCommand message, length delimited. Does not implicitly {@link teleop.v1.ControlCommand.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.ControlCommand
             * @static
             * @param {teleop.v1.ControlCommand.$Properties} message ControlCommand message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ControlCommand.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ControlCommand message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.ControlCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.ControlCommand & teleop.v1.ControlCommand.$Shape} ControlCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ControlCommand.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.ControlCommand();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sequence = value;
                            else
                                delete message.sequence;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                                message.sendTimeNs = value;
                            else
                                delete message.sendTimeNs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.leaseId = value;
                            else
                                delete message.leaseId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.mode = value;
                            else
                                delete message.mode;
                            continue;
                        }
                    case 5: {
                            if (wireType === 2) {
                                if (!(message.values && message.values.length))
                                    message.values = [];
                                reader.doubles(message.values);
                                continue;
                            }
                            if (wireType !== 1)
                                break;
                            if (!(message.values && message.values.length))
                                message.values = [];
                            message.values.push(reader.double());
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                                message.hubTimeNs = value;
                            else
                                delete message.hubTimeNs;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.fencingToken = value;
                            else
                                delete message.fencingToken;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ControlCommand message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.ControlCommand
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.ControlCommand & teleop.v1.ControlCommand.$Shape} ControlCommand
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ControlCommand.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ControlCommand message.
             * @function verify
             * @memberof teleop.v1.ControlCommand
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ControlCommand.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.sequence != null && $Object.hasOwnProperty.call(message, "sequence"))
                    if (!$util.isInteger(message.sequence) && !(message.sequence && $util.isInteger(message.sequence.low) && $util.isInteger(message.sequence.high)))
                        return "sequence: integer|Long expected";
                if (message.sendTimeNs != null && $Object.hasOwnProperty.call(message, "sendTimeNs"))
                    if (!$util.isInteger(message.sendTimeNs) && !(message.sendTimeNs && $util.isInteger(message.sendTimeNs.low) && $util.isInteger(message.sendTimeNs.high)))
                        return "sendTimeNs: integer|Long expected";
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    if (!$util.isString(message.leaseId))
                        return "leaseId: string expected";
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    if (typeof message.mode !== "number" || (message.mode | 0) !== message.mode)
                        return "mode: enum value expected";
                if (message.values != null && $Object.hasOwnProperty.call(message, "values")) {
                    if (!$Array.isArray(message.values))
                        return "values: array expected";
                    for (let i = 0; i < message.values.length; ++i)
                        if (typeof message.values[i] !== "number")
                            return "values: number[] expected";
                }
                if (message.hubTimeNs != null && $Object.hasOwnProperty.call(message, "hubTimeNs"))
                    if (!$util.isInteger(message.hubTimeNs) && !(message.hubTimeNs && $util.isInteger(message.hubTimeNs.low) && $util.isInteger(message.hubTimeNs.high)))
                        return "hubTimeNs: integer|Long expected";
                if (message.fencingToken != null && $Object.hasOwnProperty.call(message, "fencingToken"))
                    if (!$util.isInteger(message.fencingToken) && !(message.fencingToken && $util.isInteger(message.fencingToken.low) && $util.isInteger(message.fencingToken.high)))
                        return "fencingToken: integer|Long expected";
                return null;
            };

            /**
             * Creates a ControlCommand message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.ControlCommand
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.ControlCommand} ControlCommand
             */
            ControlCommand.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.ControlCommand)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.ControlCommand: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.ControlCommand();
                if (object.sequence != null)
                    if (typeof object.sequence === "object" ? object.sequence.low || object.sequence.high : $Number(object.sequence) !== 0)
                        if ($util.Long)
                            message.sequence = $util.Long.fromValue(object.sequence, true);
                        else if (typeof object.sequence === "string")
                            message.sequence = $parseInt(object.sequence, 10);
                        else if (typeof object.sequence === "number")
                            message.sequence = object.sequence;
                        else if (typeof object.sequence === "object")
                            message.sequence = new $util.LongBits(object.sequence.low >>> 0, object.sequence.high >>> 0).toNumber(true);
                if (object.sendTimeNs != null)
                    if (typeof object.sendTimeNs === "object" ? object.sendTimeNs.low || object.sendTimeNs.high : $Number(object.sendTimeNs) !== 0)
                        if ($util.Long)
                            message.sendTimeNs = $util.Long.fromValue(object.sendTimeNs, true);
                        else if (typeof object.sendTimeNs === "string")
                            message.sendTimeNs = $parseInt(object.sendTimeNs, 10);
                        else if (typeof object.sendTimeNs === "number")
                            message.sendTimeNs = object.sendTimeNs;
                        else if (typeof object.sendTimeNs === "object")
                            message.sendTimeNs = new $util.LongBits(object.sendTimeNs.low >>> 0, object.sendTimeNs.high >>> 0).toNumber(true);
                if (object.leaseId != null)
                    if (typeof object.leaseId !== "string" || object.leaseId.length)
                        message.leaseId = $String(object.leaseId);
                if (object.mode !== 0 && (typeof object.mode !== "string" || $root.teleop.v1.ControlMode[object.mode] !== 0))
                    switch (object.mode) {
                    case "CONTROL_MODE_UNSPECIFIED":
                    case 0:
                        message.mode = 0;
                        break;
                    case "CONTROL_MODE_JOINT_POSITION":
                    case 1:
                        message.mode = 1;
                        break;
                    case "CONTROL_MODE_JOINT_VELOCITY":
                    case 2:
                        message.mode = 2;
                        break;
                    case "CONTROL_MODE_GRIPPER":
                    case 3:
                        message.mode = 3;
                        break;
                    default:
                        if (typeof object.mode === "number" && (object.mode | 0) === object.mode)
                            message.mode = object.mode;
                    }
                if (object.values) {
                    if (!$Array.isArray(object.values))
                        throw $TypeError(".teleop.v1.ControlCommand.values: array expected");
                    message.values = $Array(object.values.length);
                    for (let i = 0; i < object.values.length; ++i)
                        message.values[i] = $Number(object.values[i]);
                }
                if (object.hubTimeNs != null)
                    if (typeof object.hubTimeNs === "object" ? object.hubTimeNs.low || object.hubTimeNs.high : $Number(object.hubTimeNs) !== 0)
                        if ($util.Long)
                            message.hubTimeNs = $util.Long.fromValue(object.hubTimeNs, true);
                        else if (typeof object.hubTimeNs === "string")
                            message.hubTimeNs = $parseInt(object.hubTimeNs, 10);
                        else if (typeof object.hubTimeNs === "number")
                            message.hubTimeNs = object.hubTimeNs;
                        else if (typeof object.hubTimeNs === "object")
                            message.hubTimeNs = new $util.LongBits(object.hubTimeNs.low >>> 0, object.hubTimeNs.high >>> 0).toNumber(true);
                if (object.fencingToken != null)
                    if (typeof object.fencingToken === "object" ? object.fencingToken.low || object.fencingToken.high : $Number(object.fencingToken) !== 0)
                        if ($util.Long)
                            message.fencingToken = $util.Long.fromValue(object.fencingToken, true);
                        else if (typeof object.fencingToken === "string")
                            message.fencingToken = $parseInt(object.fencingToken, 10);
                        else if (typeof object.fencingToken === "number")
                            message.fencingToken = object.fencingToken;
                        else if (typeof object.fencingToken === "object")
                            message.fencingToken = new $util.LongBits(object.fencingToken.low >>> 0, object.fencingToken.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a ControlCommand message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.ControlCommand
             * @static
             * @param {teleop.v1.ControlCommand} message ControlCommand
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ControlCommand.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.values = [];
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sequence = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sequence = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sendTimeNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sendTimeNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.leaseId = "";
                    object.mode = options.enums === $String ? "CONTROL_MODE_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.hubTimeNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.hubTimeNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.fencingToken = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.fencingToken = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.sequence != null && $Object.hasOwnProperty.call(message, "sequence"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sequence = typeof message.sequence === "number" ? $BigInt(message.sequence) : $util.Long.fromBits(message.sequence.low >>> 0, message.sequence.high >>> 0, true).toBigInt();
                    else if (typeof message.sequence === "number")
                        object.sequence = options.longs === $String ? $String(message.sequence) : message.sequence;
                    else
                        object.sequence = options.longs === $String ? $util.Long.prototype.toString.call(message.sequence) : options.longs === $Number ? new $util.LongBits(message.sequence.low >>> 0, message.sequence.high >>> 0).toNumber(true) : message.sequence;
                if (message.sendTimeNs != null && $Object.hasOwnProperty.call(message, "sendTimeNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sendTimeNs = typeof message.sendTimeNs === "number" ? $BigInt(message.sendTimeNs) : $util.Long.fromBits(message.sendTimeNs.low >>> 0, message.sendTimeNs.high >>> 0, true).toBigInt();
                    else if (typeof message.sendTimeNs === "number")
                        object.sendTimeNs = options.longs === $String ? $String(message.sendTimeNs) : message.sendTimeNs;
                    else
                        object.sendTimeNs = options.longs === $String ? $util.Long.prototype.toString.call(message.sendTimeNs) : options.longs === $Number ? new $util.LongBits(message.sendTimeNs.low >>> 0, message.sendTimeNs.high >>> 0).toNumber(true) : message.sendTimeNs;
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    object.leaseId = message.leaseId;
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    object.mode = options.enums === $String ? $root.teleop.v1.ControlMode[message.mode] === $undefined ? message.mode : $root.teleop.v1.ControlMode[message.mode] : message.mode;
                if (message.values && message.values.length) {
                    object.values = $Array(message.values.length);
                    for (let j = 0; j < message.values.length; ++j)
                        object.values[j] = options.json && !$isFinite(message.values[j]) ? $String(message.values[j]) : message.values[j];
                }
                if (message.hubTimeNs != null && $Object.hasOwnProperty.call(message, "hubTimeNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.hubTimeNs = typeof message.hubTimeNs === "number" ? $BigInt(message.hubTimeNs) : $util.Long.fromBits(message.hubTimeNs.low >>> 0, message.hubTimeNs.high >>> 0, true).toBigInt();
                    else if (typeof message.hubTimeNs === "number")
                        object.hubTimeNs = options.longs === $String ? $String(message.hubTimeNs) : message.hubTimeNs;
                    else
                        object.hubTimeNs = options.longs === $String ? $util.Long.prototype.toString.call(message.hubTimeNs) : options.longs === $Number ? new $util.LongBits(message.hubTimeNs.low >>> 0, message.hubTimeNs.high >>> 0).toNumber(true) : message.hubTimeNs;
                if (message.fencingToken != null && $Object.hasOwnProperty.call(message, "fencingToken"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.fencingToken = typeof message.fencingToken === "number" ? $BigInt(message.fencingToken) : $util.Long.fromBits(message.fencingToken.low >>> 0, message.fencingToken.high >>> 0, true).toBigInt();
                    else if (typeof message.fencingToken === "number")
                        object.fencingToken = options.longs === $String ? $String(message.fencingToken) : message.fencingToken;
                    else
                        object.fencingToken = options.longs === $String ? $util.Long.prototype.toString.call(message.fencingToken) : options.longs === $Number ? new $util.LongBits(message.fencingToken.low >>> 0, message.fencingToken.high >>> 0).toNumber(true) : message.fencingToken;
                return object;
            };

            /**
             * Converts this ControlCommand to JSON.
             * @function toJSON
             * @memberof teleop.v1.ControlCommand
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ControlCommand.prototype.toJSON = function() {
                return ControlCommand.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ControlCommand
             * @function getTypeUrl
             * @memberof teleop.v1.ControlCommand
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ControlCommand.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.ControlCommand";
            };

            return ControlCommand;
        })();

        /**
         * ControlMode enum.
         * @name teleop.v1.ControlMode
         * @enum {number}
         * @property {number} CONTROL_MODE_UNSPECIFIED=0 CONTROL_MODE_UNSPECIFIED value
         * @property {number} CONTROL_MODE_JOINT_POSITION=1 CONTROL_MODE_JOINT_POSITION value
         * @property {number} CONTROL_MODE_JOINT_VELOCITY=2 CONTROL_MODE_JOINT_VELOCITY value
         * @property {number} CONTROL_MODE_GRIPPER=3 CONTROL_MODE_GRIPPER value
         */
        v1.ControlMode = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CONTROL_MODE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "CONTROL_MODE_JOINT_POSITION"] = 1;
            values[valuesById[2] = "CONTROL_MODE_JOINT_VELOCITY"] = 2;
            values[valuesById[3] = "CONTROL_MODE_GRIPPER"] = 3;
            return values;
        })();

        v1.JointSpec = (function() {

            /**
             * Properties of a JointSpec.
             * @typedef {Object} teleop.v1.JointSpec.$Properties
             * @property {string|null} [name] JointSpec name
             * @property {string|null} [unit] JointSpec unit
             * @property {number|null} [minPosition] JointSpec minPosition
             * @property {number|null} [maxPosition] JointSpec maxPosition
             * @property {number|null} [maxVelocity] JointSpec maxVelocity
             * @property {number|null} [maxEffort] JointSpec maxEffort
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JointSpec.
             * @memberof teleop.v1
             * @interface IJointSpec
             * @augments teleop.v1.JointSpec.$Properties
             * @deprecated Use teleop.v1.JointSpec.$Properties instead.
             */

            /**
             * Shape of a JointSpec.
             * @typedef {teleop.v1.JointSpec.$Properties} teleop.v1.JointSpec.$Shape
             */

            /**
             * Constructs a new JointSpec.
             * @memberof teleop.v1
             * @classdesc Represents a JointSpec.
             * @constructor
             * @param {teleop.v1.JointSpec.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JointSpec = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JointSpec name.
             * @member {string} name
             * @memberof teleop.v1.JointSpec
             * @instance
             */
            JointSpec.prototype.name = "";

            /**
             * JointSpec unit.
             * @member {string} unit
             * @memberof teleop.v1.JointSpec
             * @instance
             */
            JointSpec.prototype.unit = "";

            /**
             * JointSpec minPosition.
             * @member {number} minPosition
             * @memberof teleop.v1.JointSpec
             * @instance
             */
            JointSpec.prototype.minPosition = 0;

            /**
             * JointSpec maxPosition.
             * @member {number} maxPosition
             * @memberof teleop.v1.JointSpec
             * @instance
             */
            JointSpec.prototype.maxPosition = 0;

            /**
             * JointSpec maxVelocity.
             * @member {number} maxVelocity
             * @memberof teleop.v1.JointSpec
             * @instance
             */
            JointSpec.prototype.maxVelocity = 0;

            /**
             * JointSpec maxEffort.
             * @member {number} maxEffort
             * @memberof teleop.v1.JointSpec
             * @instance
             */
            JointSpec.prototype.maxEffort = 0;

            /**
             * Creates a new JointSpec instance using the specified properties.
             * @function create
             * @memberof teleop.v1.JointSpec
             * @static
             * @param {teleop.v1.JointSpec.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.JointSpec} JointSpec instance
             * @type {{
             *   (properties: teleop.v1.JointSpec.$Shape): teleop.v1.JointSpec & teleop.v1.JointSpec.$Shape;
             *   (properties?: teleop.v1.JointSpec.$Properties): teleop.v1.JointSpec;
             * }}
             */
            JointSpec.create = function(properties) {
                return new JointSpec(properties);
            };

            /**
             * Encodes the specified JointSpec message. Does not implicitly {@link teleop.v1.JointSpec.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.JointSpec
             * @static
             * @param {teleop.v1.JointSpec.$Properties} message JointSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JointSpec.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.unit != null && $Object.hasOwnProperty.call(message, "unit") && message.unit !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.unit);
                if (message.minPosition != null && $Object.hasOwnProperty.call(message, "minPosition") && !$Object.is(message.minPosition, 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.minPosition);
                if (message.maxPosition != null && $Object.hasOwnProperty.call(message, "maxPosition") && !$Object.is(message.maxPosition, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.maxPosition);
                if (message.maxVelocity != null && $Object.hasOwnProperty.call(message, "maxVelocity") && !$Object.is(message.maxVelocity, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.maxVelocity);
                if (message.maxEffort != null && $Object.hasOwnProperty.call(message, "maxEffort") && !$Object.is(message.maxEffort, 0))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.maxEffort);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified JointSpec message, length delimited. Does not implicitly {@link teleop.v1.JointSpec.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.JointSpec
             * @static
             * @param {teleop.v1.JointSpec.$Properties} message JointSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JointSpec.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a JointSpec message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.JointSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.JointSpec & teleop.v1.JointSpec.$Shape} JointSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JointSpec.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.JointSpec();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.unit = value;
                            else
                                delete message.unit;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.minPosition = value;
                            else
                                delete message.minPosition;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.maxPosition = value;
                            else
                                delete message.maxPosition;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.maxVelocity = value;
                            else
                                delete message.maxVelocity;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.maxEffort = value;
                            else
                                delete message.maxEffort;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a JointSpec message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.JointSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.JointSpec & teleop.v1.JointSpec.$Shape} JointSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JointSpec.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a JointSpec message.
             * @function verify
             * @memberof teleop.v1.JointSpec
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JointSpec.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.unit != null && $Object.hasOwnProperty.call(message, "unit"))
                    if (!$util.isString(message.unit))
                        return "unit: string expected";
                if (message.minPosition != null && $Object.hasOwnProperty.call(message, "minPosition"))
                    if (typeof message.minPosition !== "number")
                        return "minPosition: number expected";
                if (message.maxPosition != null && $Object.hasOwnProperty.call(message, "maxPosition"))
                    if (typeof message.maxPosition !== "number")
                        return "maxPosition: number expected";
                if (message.maxVelocity != null && $Object.hasOwnProperty.call(message, "maxVelocity"))
                    if (typeof message.maxVelocity !== "number")
                        return "maxVelocity: number expected";
                if (message.maxEffort != null && $Object.hasOwnProperty.call(message, "maxEffort"))
                    if (typeof message.maxEffort !== "number")
                        return "maxEffort: number expected";
                return null;
            };

            /**
             * Creates a JointSpec message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.JointSpec
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.JointSpec} JointSpec
             */
            JointSpec.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.JointSpec)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.JointSpec: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.JointSpec();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.unit != null)
                    if (typeof object.unit !== "string" || object.unit.length)
                        message.unit = $String(object.unit);
                if (object.minPosition != null)
                    if (!$Object.is($Number(object.minPosition), 0))
                        message.minPosition = $Number(object.minPosition);
                if (object.maxPosition != null)
                    if (!$Object.is($Number(object.maxPosition), 0))
                        message.maxPosition = $Number(object.maxPosition);
                if (object.maxVelocity != null)
                    if (!$Object.is($Number(object.maxVelocity), 0))
                        message.maxVelocity = $Number(object.maxVelocity);
                if (object.maxEffort != null)
                    if (!$Object.is($Number(object.maxEffort), 0))
                        message.maxEffort = $Number(object.maxEffort);
                return message;
            };

            /**
             * Creates a plain object from a JointSpec message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.JointSpec
             * @static
             * @param {teleop.v1.JointSpec} message JointSpec
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JointSpec.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.name = "";
                    object.unit = "";
                    object.minPosition = 0;
                    object.maxPosition = 0;
                    object.maxVelocity = 0;
                    object.maxEffort = 0;
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.unit != null && $Object.hasOwnProperty.call(message, "unit"))
                    object.unit = message.unit;
                if (message.minPosition != null && $Object.hasOwnProperty.call(message, "minPosition"))
                    object.minPosition = options.json && !$isFinite(message.minPosition) ? $String(message.minPosition) : message.minPosition;
                if (message.maxPosition != null && $Object.hasOwnProperty.call(message, "maxPosition"))
                    object.maxPosition = options.json && !$isFinite(message.maxPosition) ? $String(message.maxPosition) : message.maxPosition;
                if (message.maxVelocity != null && $Object.hasOwnProperty.call(message, "maxVelocity"))
                    object.maxVelocity = options.json && !$isFinite(message.maxVelocity) ? $String(message.maxVelocity) : message.maxVelocity;
                if (message.maxEffort != null && $Object.hasOwnProperty.call(message, "maxEffort"))
                    object.maxEffort = options.json && !$isFinite(message.maxEffort) ? $String(message.maxEffort) : message.maxEffort;
                return object;
            };

            /**
             * Converts this JointSpec to JSON.
             * @function toJSON
             * @memberof teleop.v1.JointSpec
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JointSpec.prototype.toJSON = function() {
                return JointSpec.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for JointSpec
             * @function getTypeUrl
             * @memberof teleop.v1.JointSpec
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            JointSpec.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.JointSpec";
            };

            return JointSpec;
        })();

        v1.CameraSpec = (function() {

            /**
             * Properties of a CameraSpec.
             * @typedef {Object} teleop.v1.CameraSpec.$Properties
             * @property {string|null} [name] CameraSpec name
             * @property {number|null} [width] CameraSpec width
             * @property {number|null} [height] CameraSpec height
             * @property {number|null} [fps] CameraSpec fps
             * @property {string|null} [codec] CameraSpec codec
             * @property {string|null} [source] CameraSpec source
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CameraSpec.
             * @memberof teleop.v1
             * @interface ICameraSpec
             * @augments teleop.v1.CameraSpec.$Properties
             * @deprecated Use teleop.v1.CameraSpec.$Properties instead.
             */

            /**
             * Shape of a CameraSpec.
             * @typedef {teleop.v1.CameraSpec.$Properties} teleop.v1.CameraSpec.$Shape
             */

            /**
             * Constructs a new CameraSpec.
             * @memberof teleop.v1
             * @classdesc Represents a CameraSpec.
             * @constructor
             * @param {teleop.v1.CameraSpec.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CameraSpec = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CameraSpec name.
             * @member {string} name
             * @memberof teleop.v1.CameraSpec
             * @instance
             */
            CameraSpec.prototype.name = "";

            /**
             * CameraSpec width.
             * @member {number} width
             * @memberof teleop.v1.CameraSpec
             * @instance
             */
            CameraSpec.prototype.width = 0;

            /**
             * CameraSpec height.
             * @member {number} height
             * @memberof teleop.v1.CameraSpec
             * @instance
             */
            CameraSpec.prototype.height = 0;

            /**
             * CameraSpec fps.
             * @member {number} fps
             * @memberof teleop.v1.CameraSpec
             * @instance
             */
            CameraSpec.prototype.fps = 0;

            /**
             * CameraSpec codec.
             * @member {string} codec
             * @memberof teleop.v1.CameraSpec
             * @instance
             */
            CameraSpec.prototype.codec = "";

            /**
             * CameraSpec source.
             * @member {string} source
             * @memberof teleop.v1.CameraSpec
             * @instance
             */
            CameraSpec.prototype.source = "";

            /**
             * Creates a new CameraSpec instance using the specified properties.
             * @function create
             * @memberof teleop.v1.CameraSpec
             * @static
             * @param {teleop.v1.CameraSpec.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.CameraSpec} CameraSpec instance
             * @type {{
             *   (properties: teleop.v1.CameraSpec.$Shape): teleop.v1.CameraSpec & teleop.v1.CameraSpec.$Shape;
             *   (properties?: teleop.v1.CameraSpec.$Properties): teleop.v1.CameraSpec;
             * }}
             */
            CameraSpec.create = function(properties) {
                return new CameraSpec(properties);
            };

            /**
             * Encodes the specified CameraSpec message. Does not implicitly {@link teleop.v1.CameraSpec.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.CameraSpec
             * @static
             * @param {teleop.v1.CameraSpec.$Properties} message CameraSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CameraSpec.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.width != null && $Object.hasOwnProperty.call(message, "width") && message.width !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.width);
                if (message.height != null && $Object.hasOwnProperty.call(message, "height") && message.height !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.height);
                if (message.fps != null && $Object.hasOwnProperty.call(message, "fps") && message.fps !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.fps);
                if (message.codec != null && $Object.hasOwnProperty.call(message, "codec") && message.codec !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.codec);
                if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.source);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified CameraSpec message, length delimited. Does not implicitly {@link teleop.v1.CameraSpec.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.CameraSpec
             * @static
             * @param {teleop.v1.CameraSpec.$Properties} message CameraSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CameraSpec.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a CameraSpec message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.CameraSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.CameraSpec & teleop.v1.CameraSpec.$Shape} CameraSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CameraSpec.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.CameraSpec();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.width = value;
                            else
                                delete message.width;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.height = value;
                            else
                                delete message.height;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.fps = value;
                            else
                                delete message.fps;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.codec = value;
                            else
                                delete message.codec;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.source = value;
                            else
                                delete message.source;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a CameraSpec message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.CameraSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.CameraSpec & teleop.v1.CameraSpec.$Shape} CameraSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CameraSpec.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a CameraSpec message.
             * @function verify
             * @memberof teleop.v1.CameraSpec
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CameraSpec.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    if (!$util.isInteger(message.width))
                        return "width: integer expected";
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    if (!$util.isInteger(message.height))
                        return "height: integer expected";
                if (message.fps != null && $Object.hasOwnProperty.call(message, "fps"))
                    if (!$util.isInteger(message.fps))
                        return "fps: integer expected";
                if (message.codec != null && $Object.hasOwnProperty.call(message, "codec"))
                    if (!$util.isString(message.codec))
                        return "codec: string expected";
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    if (!$util.isString(message.source))
                        return "source: string expected";
                return null;
            };

            /**
             * Creates a CameraSpec message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.CameraSpec
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.CameraSpec} CameraSpec
             */
            CameraSpec.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.CameraSpec)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.CameraSpec: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.CameraSpec();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.width != null)
                    if ($Number(object.width) !== 0)
                        message.width = object.width >>> 0;
                if (object.height != null)
                    if ($Number(object.height) !== 0)
                        message.height = object.height >>> 0;
                if (object.fps != null)
                    if ($Number(object.fps) !== 0)
                        message.fps = object.fps >>> 0;
                if (object.codec != null)
                    if (typeof object.codec !== "string" || object.codec.length)
                        message.codec = $String(object.codec);
                if (object.source != null)
                    if (typeof object.source !== "string" || object.source.length)
                        message.source = $String(object.source);
                return message;
            };

            /**
             * Creates a plain object from a CameraSpec message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.CameraSpec
             * @static
             * @param {teleop.v1.CameraSpec} message CameraSpec
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CameraSpec.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.name = "";
                    object.width = 0;
                    object.height = 0;
                    object.fps = 0;
                    object.codec = "";
                    object.source = "";
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    object.width = message.width;
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    object.height = message.height;
                if (message.fps != null && $Object.hasOwnProperty.call(message, "fps"))
                    object.fps = message.fps;
                if (message.codec != null && $Object.hasOwnProperty.call(message, "codec"))
                    object.codec = message.codec;
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    object.source = message.source;
                return object;
            };

            /**
             * Converts this CameraSpec to JSON.
             * @function toJSON
             * @memberof teleop.v1.CameraSpec
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CameraSpec.prototype.toJSON = function() {
                return CameraSpec.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for CameraSpec
             * @function getTypeUrl
             * @memberof teleop.v1.CameraSpec
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CameraSpec.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.CameraSpec";
            };

            return CameraSpec;
        })();

        v1.RobotDescription = (function() {

            /**
             * Properties of a RobotDescription.
             * @typedef {Object} teleop.v1.RobotDescription.$Properties
             * @property {string|null} [robotId] RobotDescription robotId
             * @property {string|null} [model] RobotDescription model
             * @property {Array.<teleop.v1.JointSpec.$Properties>|null} [joints] RobotDescription joints
             * @property {Array.<teleop.v1.CameraSpec.$Properties>|null} [cameras] RobotDescription cameras
             * @property {Array.<teleop.v1.ControlMode>|null} [controlModes] RobotDescription controlModes
             * @property {string|null} [urdf] RobotDescription urdf
             * @property {string|null} [urdfUrl] RobotDescription urdfUrl
             * @property {string|null} [gripperJoint] RobotDescription gripperJoint
             * @property {number|null} [stateRateHz] RobotDescription stateRateHz
             * @property {number|null} [controlRateHz] RobotDescription controlRateHz
             * @property {number|null} [holdTimeoutMs] RobotDescription holdTimeoutMs
             * @property {string|null} [agentVersion] RobotDescription agentVersion
             * @property {string|null} [driver] RobotDescription driver
             * @property {string|null} [signingAddress] RobotDescription signingAddress
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RobotDescription.
             * @memberof teleop.v1
             * @interface IRobotDescription
             * @augments teleop.v1.RobotDescription.$Properties
             * @deprecated Use teleop.v1.RobotDescription.$Properties instead.
             */

            /**
             * Shape of a RobotDescription.
             * @typedef {teleop.v1.RobotDescription.$Properties} teleop.v1.RobotDescription.$Shape
             */

            /**
             * Constructs a new RobotDescription.
             * @memberof teleop.v1
             * @classdesc Represents a RobotDescription.
             * @constructor
             * @param {teleop.v1.RobotDescription.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RobotDescription = function (properties) {
                this.joints = [];
                this.cameras = [];
                this.controlModes = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RobotDescription robotId.
             * @member {string} robotId
             * @memberof teleop.v1.RobotDescription
             * @instance
             */
            RobotDescription.prototype.robotId = "";

            /**
             * RobotDescription model.
             * @member {string} model
             * @memberof teleop.v1.RobotDescription
             * @instance
             */
            RobotDescription.prototype.model = "";

            /**
             * RobotDescription joints.
             * @member {Array.<teleop.v1.JointSpec.$Properties>} joints
             * @memberof teleop.v1.RobotDescription
             * @instance
             */
            RobotDescription.prototype.joints = $util.emptyArray;

            /**
             * RobotDescription cameras.
             * @member {Array.<teleop.v1.CameraSpec.$Properties>} cameras
             * @memberof teleop.v1.RobotDescription
             * @instance
             */
            RobotDescription.prototype.cameras = $util.emptyArray;

            /**
             * RobotDescription controlModes.
             * @member {Array.<teleop.v1.ControlMode>} controlModes
             * @memberof teleop.v1.RobotDescription
             * @instance
             */
            RobotDescription.prototype.controlModes = $util.emptyArray;

            /**
             * RobotDescription urdf.
             * @member {string} urdf
             * @memberof teleop.v1.RobotDescription
             * @instance
             */
            RobotDescription.prototype.urdf = "";

            /**
             * RobotDescription urdfUrl.
             * @member {string} urdfUrl
             * @memberof teleop.v1.RobotDescription
             * @instance
             */
            RobotDescription.prototype.urdfUrl = "";

            /**
             * RobotDescription gripperJoint.
             * @member {string} gripperJoint
             * @memberof teleop.v1.RobotDescription
             * @instance
             */
            RobotDescription.prototype.gripperJoint = "";

            /**
             * RobotDescription stateRateHz.
             * @member {number} stateRateHz
             * @memberof teleop.v1.RobotDescription
             * @instance
             */
            RobotDescription.prototype.stateRateHz = 0;

            /**
             * RobotDescription controlRateHz.
             * @member {number} controlRateHz
             * @memberof teleop.v1.RobotDescription
             * @instance
             */
            RobotDescription.prototype.controlRateHz = 0;

            /**
             * RobotDescription holdTimeoutMs.
             * @member {number} holdTimeoutMs
             * @memberof teleop.v1.RobotDescription
             * @instance
             */
            RobotDescription.prototype.holdTimeoutMs = 0;

            /**
             * RobotDescription agentVersion.
             * @member {string} agentVersion
             * @memberof teleop.v1.RobotDescription
             * @instance
             */
            RobotDescription.prototype.agentVersion = "";

            /**
             * RobotDescription driver.
             * @member {string} driver
             * @memberof teleop.v1.RobotDescription
             * @instance
             */
            RobotDescription.prototype.driver = "";

            /**
             * RobotDescription signingAddress.
             * @member {string} signingAddress
             * @memberof teleop.v1.RobotDescription
             * @instance
             */
            RobotDescription.prototype.signingAddress = "";

            /**
             * Creates a new RobotDescription instance using the specified properties.
             * @function create
             * @memberof teleop.v1.RobotDescription
             * @static
             * @param {teleop.v1.RobotDescription.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.RobotDescription} RobotDescription instance
             * @type {{
             *   (properties: teleop.v1.RobotDescription.$Shape): teleop.v1.RobotDescription & teleop.v1.RobotDescription.$Shape;
             *   (properties?: teleop.v1.RobotDescription.$Properties): teleop.v1.RobotDescription;
             * }}
             */
            RobotDescription.create = function(properties) {
                return new RobotDescription(properties);
            };

            /**
             * Encodes the specified RobotDescription message. Does not implicitly {@link teleop.v1.RobotDescription.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.RobotDescription
             * @static
             * @param {teleop.v1.RobotDescription.$Properties} message RobotDescription message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RobotDescription.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.robotId != null && $Object.hasOwnProperty.call(message, "robotId") && message.robotId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.robotId);
                if (message.model != null && $Object.hasOwnProperty.call(message, "model") && message.model !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.model);
                if (message.joints != null && message.joints.length)
                    for (let i = 0; i < message.joints.length; ++i)
                        $root.teleop.v1.JointSpec.encode(message.joints[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.cameras != null && message.cameras.length)
                    for (let i = 0; i < message.cameras.length; ++i)
                        $root.teleop.v1.CameraSpec.encode(message.cameras[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.controlModes != null && message.controlModes.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).int32s(message.controlModes);
                if (message.urdf != null && $Object.hasOwnProperty.call(message, "urdf") && message.urdf !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.urdf);
                if (message.urdfUrl != null && $Object.hasOwnProperty.call(message, "urdfUrl") && message.urdfUrl !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.urdfUrl);
                if (message.gripperJoint != null && $Object.hasOwnProperty.call(message, "gripperJoint") && message.gripperJoint !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.gripperJoint);
                if (message.stateRateHz != null && $Object.hasOwnProperty.call(message, "stateRateHz") && message.stateRateHz !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.stateRateHz);
                if (message.controlRateHz != null && $Object.hasOwnProperty.call(message, "controlRateHz") && message.controlRateHz !== 0)
                    writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.controlRateHz);
                if (message.holdTimeoutMs != null && $Object.hasOwnProperty.call(message, "holdTimeoutMs") && message.holdTimeoutMs !== 0)
                    writer.uint32(/* id 11, wireType 0 =*/88).uint32(message.holdTimeoutMs);
                if (message.agentVersion != null && $Object.hasOwnProperty.call(message, "agentVersion") && message.agentVersion !== "")
                    writer.uint32(/* id 12, wireType 2 =*/98).string(message.agentVersion);
                if (message.driver != null && $Object.hasOwnProperty.call(message, "driver") && message.driver !== "")
                    writer.uint32(/* id 13, wireType 2 =*/106).string(message.driver);
                if (message.signingAddress != null && $Object.hasOwnProperty.call(message, "signingAddress") && message.signingAddress !== "")
                    writer.uint32(/* id 14, wireType 2 =*/114).string(message.signingAddress);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RobotDescription message, length delimited. Does not implicitly {@link teleop.v1.RobotDescription.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.RobotDescription
             * @static
             * @param {teleop.v1.RobotDescription.$Properties} message RobotDescription message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RobotDescription.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RobotDescription message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.RobotDescription
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.RobotDescription & teleop.v1.RobotDescription.$Shape} RobotDescription
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RobotDescription.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.RobotDescription();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.robotId = value;
                            else
                                delete message.robotId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.model = value;
                            else
                                delete message.model;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.joints && message.joints.length))
                                message.joints = [];
                            message.joints.push($root.teleop.v1.JointSpec.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.cameras && message.cameras.length))
                                message.cameras = [];
                            message.cameras.push($root.teleop.v1.CameraSpec.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType === 2) {
                                if (!(message.controlModes && message.controlModes.length))
                                    message.controlModes = [];
                                reader.int32s(message.controlModes);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.controlModes && message.controlModes.length))
                                message.controlModes = [];
                            message.controlModes.push(reader.int32());
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.urdf = value;
                            else
                                delete message.urdf;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.urdfUrl = value;
                            else
                                delete message.urdfUrl;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.gripperJoint = value;
                            else
                                delete message.gripperJoint;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.stateRateHz = value;
                            else
                                delete message.stateRateHz;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.controlRateHz = value;
                            else
                                delete message.controlRateHz;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.holdTimeoutMs = value;
                            else
                                delete message.holdTimeoutMs;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.agentVersion = value;
                            else
                                delete message.agentVersion;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.driver = value;
                            else
                                delete message.driver;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.signingAddress = value;
                            else
                                delete message.signingAddress;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RobotDescription message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.RobotDescription
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.RobotDescription & teleop.v1.RobotDescription.$Shape} RobotDescription
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RobotDescription.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RobotDescription message.
             * @function verify
             * @memberof teleop.v1.RobotDescription
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RobotDescription.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.robotId != null && $Object.hasOwnProperty.call(message, "robotId"))
                    if (!$util.isString(message.robotId))
                        return "robotId: string expected";
                if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                    if (!$util.isString(message.model))
                        return "model: string expected";
                if (message.joints != null && $Object.hasOwnProperty.call(message, "joints")) {
                    if (!$Array.isArray(message.joints))
                        return "joints: array expected";
                    for (let i = 0; i < message.joints.length; ++i) {
                        let error = $root.teleop.v1.JointSpec.verify(message.joints[i], _depth + 1);
                        if (error)
                            return "joints." + error;
                    }
                }
                if (message.cameras != null && $Object.hasOwnProperty.call(message, "cameras")) {
                    if (!$Array.isArray(message.cameras))
                        return "cameras: array expected";
                    for (let i = 0; i < message.cameras.length; ++i) {
                        let error = $root.teleop.v1.CameraSpec.verify(message.cameras[i], _depth + 1);
                        if (error)
                            return "cameras." + error;
                    }
                }
                if (message.controlModes != null && $Object.hasOwnProperty.call(message, "controlModes")) {
                    if (!$Array.isArray(message.controlModes))
                        return "controlModes: array expected";
                    for (let i = 0; i < message.controlModes.length; ++i)
                        if (typeof message.controlModes[i] !== "number" || (message.controlModes[i] | 0) !== message.controlModes[i])
                            return "controlModes: enum value[] expected";
                }
                if (message.urdf != null && $Object.hasOwnProperty.call(message, "urdf"))
                    if (!$util.isString(message.urdf))
                        return "urdf: string expected";
                if (message.urdfUrl != null && $Object.hasOwnProperty.call(message, "urdfUrl"))
                    if (!$util.isString(message.urdfUrl))
                        return "urdfUrl: string expected";
                if (message.gripperJoint != null && $Object.hasOwnProperty.call(message, "gripperJoint"))
                    if (!$util.isString(message.gripperJoint))
                        return "gripperJoint: string expected";
                if (message.stateRateHz != null && $Object.hasOwnProperty.call(message, "stateRateHz"))
                    if (!$util.isInteger(message.stateRateHz))
                        return "stateRateHz: integer expected";
                if (message.controlRateHz != null && $Object.hasOwnProperty.call(message, "controlRateHz"))
                    if (!$util.isInteger(message.controlRateHz))
                        return "controlRateHz: integer expected";
                if (message.holdTimeoutMs != null && $Object.hasOwnProperty.call(message, "holdTimeoutMs"))
                    if (!$util.isInteger(message.holdTimeoutMs))
                        return "holdTimeoutMs: integer expected";
                if (message.agentVersion != null && $Object.hasOwnProperty.call(message, "agentVersion"))
                    if (!$util.isString(message.agentVersion))
                        return "agentVersion: string expected";
                if (message.driver != null && $Object.hasOwnProperty.call(message, "driver"))
                    if (!$util.isString(message.driver))
                        return "driver: string expected";
                if (message.signingAddress != null && $Object.hasOwnProperty.call(message, "signingAddress"))
                    if (!$util.isString(message.signingAddress))
                        return "signingAddress: string expected";
                return null;
            };

            /**
             * Creates a RobotDescription message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.RobotDescription
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.RobotDescription} RobotDescription
             */
            RobotDescription.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.RobotDescription)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.RobotDescription: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.RobotDescription();
                if (object.robotId != null)
                    if (typeof object.robotId !== "string" || object.robotId.length)
                        message.robotId = $String(object.robotId);
                if (object.model != null)
                    if (typeof object.model !== "string" || object.model.length)
                        message.model = $String(object.model);
                if (object.joints) {
                    if (!$Array.isArray(object.joints))
                        throw $TypeError(".teleop.v1.RobotDescription.joints: array expected");
                    message.joints = $Array(object.joints.length);
                    for (let i = 0; i < object.joints.length; ++i) {
                        if (!$util.isObject(object.joints[i]))
                            throw $TypeError(".teleop.v1.RobotDescription.joints: object expected");
                        message.joints[i] = $root.teleop.v1.JointSpec.fromObject(object.joints[i], _depth + 1);
                    }
                }
                if (object.cameras) {
                    if (!$Array.isArray(object.cameras))
                        throw $TypeError(".teleop.v1.RobotDescription.cameras: array expected");
                    message.cameras = $Array(object.cameras.length);
                    for (let i = 0; i < object.cameras.length; ++i) {
                        if (!$util.isObject(object.cameras[i]))
                            throw $TypeError(".teleop.v1.RobotDescription.cameras: object expected");
                        message.cameras[i] = $root.teleop.v1.CameraSpec.fromObject(object.cameras[i], _depth + 1);
                    }
                }
                if (object.controlModes) {
                    if (!$Array.isArray(object.controlModes))
                        throw $TypeError(".teleop.v1.RobotDescription.controlModes: array expected");
                    message.controlModes = [];
                    for (let i = 0; i < object.controlModes.length; ++i)
                        switch (object.controlModes[i]) {
                        case "CONTROL_MODE_UNSPECIFIED":
                        case 0:
                            message.controlModes[message.controlModes.length] = 0;
                            break;
                        case "CONTROL_MODE_JOINT_POSITION":
                        case 1:
                            message.controlModes[message.controlModes.length] = 1;
                            break;
                        case "CONTROL_MODE_JOINT_VELOCITY":
                        case 2:
                            message.controlModes[message.controlModes.length] = 2;
                            break;
                        case "CONTROL_MODE_GRIPPER":
                        case 3:
                            message.controlModes[message.controlModes.length] = 3;
                            break;
                        default:
                            if (typeof object.controlModes[i] === "number" && (object.controlModes[i] | 0) === object.controlModes[i])
                                message.controlModes[message.controlModes.length] = object.controlModes[i];
                        }
                }
                if (object.urdf != null)
                    if (typeof object.urdf !== "string" || object.urdf.length)
                        message.urdf = $String(object.urdf);
                if (object.urdfUrl != null)
                    if (typeof object.urdfUrl !== "string" || object.urdfUrl.length)
                        message.urdfUrl = $String(object.urdfUrl);
                if (object.gripperJoint != null)
                    if (typeof object.gripperJoint !== "string" || object.gripperJoint.length)
                        message.gripperJoint = $String(object.gripperJoint);
                if (object.stateRateHz != null)
                    if ($Number(object.stateRateHz) !== 0)
                        message.stateRateHz = object.stateRateHz >>> 0;
                if (object.controlRateHz != null)
                    if ($Number(object.controlRateHz) !== 0)
                        message.controlRateHz = object.controlRateHz >>> 0;
                if (object.holdTimeoutMs != null)
                    if ($Number(object.holdTimeoutMs) !== 0)
                        message.holdTimeoutMs = object.holdTimeoutMs >>> 0;
                if (object.agentVersion != null)
                    if (typeof object.agentVersion !== "string" || object.agentVersion.length)
                        message.agentVersion = $String(object.agentVersion);
                if (object.driver != null)
                    if (typeof object.driver !== "string" || object.driver.length)
                        message.driver = $String(object.driver);
                if (object.signingAddress != null)
                    if (typeof object.signingAddress !== "string" || object.signingAddress.length)
                        message.signingAddress = $String(object.signingAddress);
                return message;
            };

            /**
             * Creates a plain object from a RobotDescription message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.RobotDescription
             * @static
             * @param {teleop.v1.RobotDescription} message RobotDescription
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RobotDescription.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.joints = [];
                    object.cameras = [];
                    object.controlModes = [];
                }
                if (options.defaults) {
                    object.robotId = "";
                    object.model = "";
                    object.urdf = "";
                    object.urdfUrl = "";
                    object.gripperJoint = "";
                    object.stateRateHz = 0;
                    object.controlRateHz = 0;
                    object.holdTimeoutMs = 0;
                    object.agentVersion = "";
                    object.driver = "";
                    object.signingAddress = "";
                }
                if (message.robotId != null && $Object.hasOwnProperty.call(message, "robotId"))
                    object.robotId = message.robotId;
                if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                    object.model = message.model;
                if (message.joints && message.joints.length) {
                    object.joints = $Array(message.joints.length);
                    for (let j = 0; j < message.joints.length; ++j)
                        object.joints[j] = $root.teleop.v1.JointSpec.toObject(message.joints[j], options, _depth + 1);
                }
                if (message.cameras && message.cameras.length) {
                    object.cameras = $Array(message.cameras.length);
                    for (let j = 0; j < message.cameras.length; ++j)
                        object.cameras[j] = $root.teleop.v1.CameraSpec.toObject(message.cameras[j], options, _depth + 1);
                }
                if (message.controlModes && message.controlModes.length) {
                    object.controlModes = $Array(message.controlModes.length);
                    for (let j = 0; j < message.controlModes.length; ++j)
                        object.controlModes[j] = options.enums === $String ? $root.teleop.v1.ControlMode[message.controlModes[j]] === $undefined ? message.controlModes[j] : $root.teleop.v1.ControlMode[message.controlModes[j]] : message.controlModes[j];
                }
                if (message.urdf != null && $Object.hasOwnProperty.call(message, "urdf"))
                    object.urdf = message.urdf;
                if (message.urdfUrl != null && $Object.hasOwnProperty.call(message, "urdfUrl"))
                    object.urdfUrl = message.urdfUrl;
                if (message.gripperJoint != null && $Object.hasOwnProperty.call(message, "gripperJoint"))
                    object.gripperJoint = message.gripperJoint;
                if (message.stateRateHz != null && $Object.hasOwnProperty.call(message, "stateRateHz"))
                    object.stateRateHz = message.stateRateHz;
                if (message.controlRateHz != null && $Object.hasOwnProperty.call(message, "controlRateHz"))
                    object.controlRateHz = message.controlRateHz;
                if (message.holdTimeoutMs != null && $Object.hasOwnProperty.call(message, "holdTimeoutMs"))
                    object.holdTimeoutMs = message.holdTimeoutMs;
                if (message.agentVersion != null && $Object.hasOwnProperty.call(message, "agentVersion"))
                    object.agentVersion = message.agentVersion;
                if (message.driver != null && $Object.hasOwnProperty.call(message, "driver"))
                    object.driver = message.driver;
                if (message.signingAddress != null && $Object.hasOwnProperty.call(message, "signingAddress"))
                    object.signingAddress = message.signingAddress;
                return object;
            };

            /**
             * Converts this RobotDescription to JSON.
             * @function toJSON
             * @memberof teleop.v1.RobotDescription
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RobotDescription.prototype.toJSON = function() {
                return RobotDescription.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RobotDescription
             * @function getTypeUrl
             * @memberof teleop.v1.RobotDescription
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RobotDescription.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.RobotDescription";
            };

            return RobotDescription;
        })();

        v1.ActionSample = (function() {

            /**
             * Properties of an ActionSample.
             * @typedef {Object} teleop.v1.ActionSample.$Properties
             * @property {Long|null} [captureTimeNs] ActionSample captureTimeNs
             * @property {Array.<number>|null} [positions] ActionSample positions
             * @property {Long|null} [appliedSequence] ActionSample appliedSequence
             * @property {string|null} [leaseId] ActionSample leaseId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an ActionSample.
             * @memberof teleop.v1
             * @interface IActionSample
             * @augments teleop.v1.ActionSample.$Properties
             * @deprecated Use teleop.v1.ActionSample.$Properties instead.
             */

            /**
             * Shape of an ActionSample.
             * @typedef {teleop.v1.ActionSample.$Properties} teleop.v1.ActionSample.$Shape
             */

            /**
             * Constructs a new ActionSample.
             * @memberof teleop.v1
             * @classdesc Represents an ActionSample.
             * @constructor
             * @param {teleop.v1.ActionSample.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ActionSample = function (properties) {
                this.positions = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ActionSample captureTimeNs.
             * @member {Long} captureTimeNs
             * @memberof teleop.v1.ActionSample
             * @instance
             */
            ActionSample.prototype.captureTimeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ActionSample positions.
             * @member {Array.<number>} positions
             * @memberof teleop.v1.ActionSample
             * @instance
             */
            ActionSample.prototype.positions = $util.emptyArray;

            /**
             * ActionSample appliedSequence.
             * @member {Long} appliedSequence
             * @memberof teleop.v1.ActionSample
             * @instance
             */
            ActionSample.prototype.appliedSequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ActionSample leaseId.
             * @member {string} leaseId
             * @memberof teleop.v1.ActionSample
             * @instance
             */
            ActionSample.prototype.leaseId = "";

            /**
             * Creates a new ActionSample instance using the specified properties.
             * @function create
             * @memberof teleop.v1.ActionSample
             * @static
             * @param {teleop.v1.ActionSample.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.ActionSample} ActionSample instance
             * @type {{
             *   (properties: teleop.v1.ActionSample.$Shape): teleop.v1.ActionSample & teleop.v1.ActionSample.$Shape;
             *   (properties?: teleop.v1.ActionSample.$Properties): teleop.v1.ActionSample;
             * }}
             */
            ActionSample.create = function(properties) {
                return new ActionSample(properties);
            };

            /**
             * Encodes the specified ActionSample message. Does not implicitly {@link teleop.v1.ActionSample.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.ActionSample
             * @static
             * @param {teleop.v1.ActionSample.$Properties} message ActionSample message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ActionSample.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.captureTimeNs != null && $Object.hasOwnProperty.call(message, "captureTimeNs") && (typeof message.captureTimeNs === "object" ? message.captureTimeNs.low || message.captureTimeNs.high : message.captureTimeNs !== 0))
                    writer.uint32(/* id 1, wireType 1 =*/9).fixed64(message.captureTimeNs);
                if (message.positions != null && message.positions.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).doubles(message.positions);
                if (message.appliedSequence != null && $Object.hasOwnProperty.call(message, "appliedSequence") && (typeof message.appliedSequence === "object" ? message.appliedSequence.low || message.appliedSequence.high : message.appliedSequence !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.appliedSequence);
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId") && message.leaseId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.leaseId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ActionSample message, length delimited. Does not implicitly {@link teleop.v1.ActionSample.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.ActionSample
             * @static
             * @param {teleop.v1.ActionSample.$Properties} message ActionSample message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ActionSample.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an ActionSample message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.ActionSample
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.ActionSample & teleop.v1.ActionSample.$Shape} ActionSample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ActionSample.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.ActionSample();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 1)
                                break;
                            if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                                message.captureTimeNs = value;
                            else
                                delete message.captureTimeNs;
                            continue;
                        }
                    case 2: {
                            if (wireType === 2) {
                                if (!(message.positions && message.positions.length))
                                    message.positions = [];
                                reader.doubles(message.positions);
                                continue;
                            }
                            if (wireType !== 1)
                                break;
                            if (!(message.positions && message.positions.length))
                                message.positions = [];
                            message.positions.push(reader.double());
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.appliedSequence = value;
                            else
                                delete message.appliedSequence;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.leaseId = value;
                            else
                                delete message.leaseId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an ActionSample message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.ActionSample
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.ActionSample & teleop.v1.ActionSample.$Shape} ActionSample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ActionSample.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an ActionSample message.
             * @function verify
             * @memberof teleop.v1.ActionSample
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ActionSample.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.captureTimeNs != null && $Object.hasOwnProperty.call(message, "captureTimeNs"))
                    if (!$util.isInteger(message.captureTimeNs) && !(message.captureTimeNs && $util.isInteger(message.captureTimeNs.low) && $util.isInteger(message.captureTimeNs.high)))
                        return "captureTimeNs: integer|Long expected";
                if (message.positions != null && $Object.hasOwnProperty.call(message, "positions")) {
                    if (!$Array.isArray(message.positions))
                        return "positions: array expected";
                    for (let i = 0; i < message.positions.length; ++i)
                        if (typeof message.positions[i] !== "number")
                            return "positions: number[] expected";
                }
                if (message.appliedSequence != null && $Object.hasOwnProperty.call(message, "appliedSequence"))
                    if (!$util.isInteger(message.appliedSequence) && !(message.appliedSequence && $util.isInteger(message.appliedSequence.low) && $util.isInteger(message.appliedSequence.high)))
                        return "appliedSequence: integer|Long expected";
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    if (!$util.isString(message.leaseId))
                        return "leaseId: string expected";
                return null;
            };

            /**
             * Creates an ActionSample message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.ActionSample
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.ActionSample} ActionSample
             */
            ActionSample.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.ActionSample)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.ActionSample: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.ActionSample();
                if (object.captureTimeNs != null)
                    if (typeof object.captureTimeNs === "object" ? object.captureTimeNs.low || object.captureTimeNs.high : $Number(object.captureTimeNs) !== 0)
                        if ($util.Long)
                            message.captureTimeNs = $util.Long.fromValue(object.captureTimeNs, true);
                        else if (typeof object.captureTimeNs === "string")
                            message.captureTimeNs = $parseInt(object.captureTimeNs, 10);
                        else if (typeof object.captureTimeNs === "number")
                            message.captureTimeNs = object.captureTimeNs;
                        else if (typeof object.captureTimeNs === "object")
                            message.captureTimeNs = new $util.LongBits(object.captureTimeNs.low >>> 0, object.captureTimeNs.high >>> 0).toNumber(true);
                if (object.positions) {
                    if (!$Array.isArray(object.positions))
                        throw $TypeError(".teleop.v1.ActionSample.positions: array expected");
                    message.positions = $Array(object.positions.length);
                    for (let i = 0; i < object.positions.length; ++i)
                        message.positions[i] = $Number(object.positions[i]);
                }
                if (object.appliedSequence != null)
                    if (typeof object.appliedSequence === "object" ? object.appliedSequence.low || object.appliedSequence.high : $Number(object.appliedSequence) !== 0)
                        if ($util.Long)
                            message.appliedSequence = $util.Long.fromValue(object.appliedSequence, true);
                        else if (typeof object.appliedSequence === "string")
                            message.appliedSequence = $parseInt(object.appliedSequence, 10);
                        else if (typeof object.appliedSequence === "number")
                            message.appliedSequence = object.appliedSequence;
                        else if (typeof object.appliedSequence === "object")
                            message.appliedSequence = new $util.LongBits(object.appliedSequence.low >>> 0, object.appliedSequence.high >>> 0).toNumber(true);
                if (object.leaseId != null)
                    if (typeof object.leaseId !== "string" || object.leaseId.length)
                        message.leaseId = $String(object.leaseId);
                return message;
            };

            /**
             * Creates a plain object from an ActionSample message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.ActionSample
             * @static
             * @param {teleop.v1.ActionSample} message ActionSample
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ActionSample.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.positions = [];
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.captureTimeNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.captureTimeNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.appliedSequence = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.appliedSequence = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.leaseId = "";
                }
                if (message.captureTimeNs != null && $Object.hasOwnProperty.call(message, "captureTimeNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.captureTimeNs = typeof message.captureTimeNs === "number" ? $BigInt(message.captureTimeNs) : $util.Long.fromBits(message.captureTimeNs.low >>> 0, message.captureTimeNs.high >>> 0, true).toBigInt();
                    else if (typeof message.captureTimeNs === "number")
                        object.captureTimeNs = options.longs === $String ? $String(message.captureTimeNs) : message.captureTimeNs;
                    else
                        object.captureTimeNs = options.longs === $String ? $util.Long.prototype.toString.call(message.captureTimeNs) : options.longs === $Number ? new $util.LongBits(message.captureTimeNs.low >>> 0, message.captureTimeNs.high >>> 0).toNumber(true) : message.captureTimeNs;
                if (message.positions && message.positions.length) {
                    object.positions = $Array(message.positions.length);
                    for (let j = 0; j < message.positions.length; ++j)
                        object.positions[j] = options.json && !$isFinite(message.positions[j]) ? $String(message.positions[j]) : message.positions[j];
                }
                if (message.appliedSequence != null && $Object.hasOwnProperty.call(message, "appliedSequence"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.appliedSequence = typeof message.appliedSequence === "number" ? $BigInt(message.appliedSequence) : $util.Long.fromBits(message.appliedSequence.low >>> 0, message.appliedSequence.high >>> 0, true).toBigInt();
                    else if (typeof message.appliedSequence === "number")
                        object.appliedSequence = options.longs === $String ? $String(message.appliedSequence) : message.appliedSequence;
                    else
                        object.appliedSequence = options.longs === $String ? $util.Long.prototype.toString.call(message.appliedSequence) : options.longs === $Number ? new $util.LongBits(message.appliedSequence.low >>> 0, message.appliedSequence.high >>> 0).toNumber(true) : message.appliedSequence;
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    object.leaseId = message.leaseId;
                return object;
            };

            /**
             * Converts this ActionSample to JSON.
             * @function toJSON
             * @memberof teleop.v1.ActionSample
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ActionSample.prototype.toJSON = function() {
                return ActionSample.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ActionSample
             * @function getTypeUrl
             * @memberof teleop.v1.ActionSample
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ActionSample.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.ActionSample";
            };

            return ActionSample;
        })();

        v1.CameraFrame = (function() {

            /**
             * Properties of a CameraFrame.
             * @typedef {Object} teleop.v1.CameraFrame.$Properties
             * @property {string|null} [camera] CameraFrame camera
             * @property {Long|null} [frameIndex] CameraFrame frameIndex
             * @property {Long|null} [captureTimeNs] CameraFrame captureTimeNs
             * @property {number|null} [droppedBefore] CameraFrame droppedBefore
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CameraFrame.
             * @memberof teleop.v1
             * @interface ICameraFrame
             * @augments teleop.v1.CameraFrame.$Properties
             * @deprecated Use teleop.v1.CameraFrame.$Properties instead.
             */

            /**
             * Shape of a CameraFrame.
             * @typedef {teleop.v1.CameraFrame.$Properties} teleop.v1.CameraFrame.$Shape
             */

            /**
             * Constructs a new CameraFrame.
             * @memberof teleop.v1
             * @classdesc Represents a CameraFrame.
             * @constructor
             * @param {teleop.v1.CameraFrame.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CameraFrame = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CameraFrame camera.
             * @member {string} camera
             * @memberof teleop.v1.CameraFrame
             * @instance
             */
            CameraFrame.prototype.camera = "";

            /**
             * CameraFrame frameIndex.
             * @member {Long} frameIndex
             * @memberof teleop.v1.CameraFrame
             * @instance
             */
            CameraFrame.prototype.frameIndex = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CameraFrame captureTimeNs.
             * @member {Long} captureTimeNs
             * @memberof teleop.v1.CameraFrame
             * @instance
             */
            CameraFrame.prototype.captureTimeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CameraFrame droppedBefore.
             * @member {number} droppedBefore
             * @memberof teleop.v1.CameraFrame
             * @instance
             */
            CameraFrame.prototype.droppedBefore = 0;

            /**
             * Creates a new CameraFrame instance using the specified properties.
             * @function create
             * @memberof teleop.v1.CameraFrame
             * @static
             * @param {teleop.v1.CameraFrame.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.CameraFrame} CameraFrame instance
             * @type {{
             *   (properties: teleop.v1.CameraFrame.$Shape): teleop.v1.CameraFrame & teleop.v1.CameraFrame.$Shape;
             *   (properties?: teleop.v1.CameraFrame.$Properties): teleop.v1.CameraFrame;
             * }}
             */
            CameraFrame.create = function(properties) {
                return new CameraFrame(properties);
            };

            /**
             * Encodes the specified CameraFrame message. Does not implicitly {@link teleop.v1.CameraFrame.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.CameraFrame
             * @static
             * @param {teleop.v1.CameraFrame.$Properties} message CameraFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CameraFrame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.camera != null && $Object.hasOwnProperty.call(message, "camera") && message.camera !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.camera);
                if (message.frameIndex != null && $Object.hasOwnProperty.call(message, "frameIndex") && (typeof message.frameIndex === "object" ? message.frameIndex.low || message.frameIndex.high : message.frameIndex !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.frameIndex);
                if (message.captureTimeNs != null && $Object.hasOwnProperty.call(message, "captureTimeNs") && (typeof message.captureTimeNs === "object" ? message.captureTimeNs.low || message.captureTimeNs.high : message.captureTimeNs !== 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).fixed64(message.captureTimeNs);
                if (message.droppedBefore != null && $Object.hasOwnProperty.call(message, "droppedBefore") && message.droppedBefore !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.droppedBefore);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified CameraFrame message, length delimited. Does not implicitly {@link teleop.v1.CameraFrame.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.CameraFrame
             * @static
             * @param {teleop.v1.CameraFrame.$Properties} message CameraFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CameraFrame.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a CameraFrame message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.CameraFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.CameraFrame & teleop.v1.CameraFrame.$Shape} CameraFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CameraFrame.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.CameraFrame();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.camera = value;
                            else
                                delete message.camera;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.frameIndex = value;
                            else
                                delete message.frameIndex;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                                message.captureTimeNs = value;
                            else
                                delete message.captureTimeNs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.droppedBefore = value;
                            else
                                delete message.droppedBefore;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a CameraFrame message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.CameraFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.CameraFrame & teleop.v1.CameraFrame.$Shape} CameraFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CameraFrame.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a CameraFrame message.
             * @function verify
             * @memberof teleop.v1.CameraFrame
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CameraFrame.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.camera != null && $Object.hasOwnProperty.call(message, "camera"))
                    if (!$util.isString(message.camera))
                        return "camera: string expected";
                if (message.frameIndex != null && $Object.hasOwnProperty.call(message, "frameIndex"))
                    if (!$util.isInteger(message.frameIndex) && !(message.frameIndex && $util.isInteger(message.frameIndex.low) && $util.isInteger(message.frameIndex.high)))
                        return "frameIndex: integer|Long expected";
                if (message.captureTimeNs != null && $Object.hasOwnProperty.call(message, "captureTimeNs"))
                    if (!$util.isInteger(message.captureTimeNs) && !(message.captureTimeNs && $util.isInteger(message.captureTimeNs.low) && $util.isInteger(message.captureTimeNs.high)))
                        return "captureTimeNs: integer|Long expected";
                if (message.droppedBefore != null && $Object.hasOwnProperty.call(message, "droppedBefore"))
                    if (!$util.isInteger(message.droppedBefore))
                        return "droppedBefore: integer expected";
                return null;
            };

            /**
             * Creates a CameraFrame message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.CameraFrame
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.CameraFrame} CameraFrame
             */
            CameraFrame.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.CameraFrame)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.CameraFrame: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.CameraFrame();
                if (object.camera != null)
                    if (typeof object.camera !== "string" || object.camera.length)
                        message.camera = $String(object.camera);
                if (object.frameIndex != null)
                    if (typeof object.frameIndex === "object" ? object.frameIndex.low || object.frameIndex.high : $Number(object.frameIndex) !== 0)
                        if ($util.Long)
                            message.frameIndex = $util.Long.fromValue(object.frameIndex, true);
                        else if (typeof object.frameIndex === "string")
                            message.frameIndex = $parseInt(object.frameIndex, 10);
                        else if (typeof object.frameIndex === "number")
                            message.frameIndex = object.frameIndex;
                        else if (typeof object.frameIndex === "object")
                            message.frameIndex = new $util.LongBits(object.frameIndex.low >>> 0, object.frameIndex.high >>> 0).toNumber(true);
                if (object.captureTimeNs != null)
                    if (typeof object.captureTimeNs === "object" ? object.captureTimeNs.low || object.captureTimeNs.high : $Number(object.captureTimeNs) !== 0)
                        if ($util.Long)
                            message.captureTimeNs = $util.Long.fromValue(object.captureTimeNs, true);
                        else if (typeof object.captureTimeNs === "string")
                            message.captureTimeNs = $parseInt(object.captureTimeNs, 10);
                        else if (typeof object.captureTimeNs === "number")
                            message.captureTimeNs = object.captureTimeNs;
                        else if (typeof object.captureTimeNs === "object")
                            message.captureTimeNs = new $util.LongBits(object.captureTimeNs.low >>> 0, object.captureTimeNs.high >>> 0).toNumber(true);
                if (object.droppedBefore != null)
                    if ($Number(object.droppedBefore) !== 0)
                        message.droppedBefore = object.droppedBefore >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a CameraFrame message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.CameraFrame
             * @static
             * @param {teleop.v1.CameraFrame} message CameraFrame
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CameraFrame.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.camera = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.frameIndex = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.frameIndex = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.captureTimeNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.captureTimeNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.droppedBefore = 0;
                }
                if (message.camera != null && $Object.hasOwnProperty.call(message, "camera"))
                    object.camera = message.camera;
                if (message.frameIndex != null && $Object.hasOwnProperty.call(message, "frameIndex"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.frameIndex = typeof message.frameIndex === "number" ? $BigInt(message.frameIndex) : $util.Long.fromBits(message.frameIndex.low >>> 0, message.frameIndex.high >>> 0, true).toBigInt();
                    else if (typeof message.frameIndex === "number")
                        object.frameIndex = options.longs === $String ? $String(message.frameIndex) : message.frameIndex;
                    else
                        object.frameIndex = options.longs === $String ? $util.Long.prototype.toString.call(message.frameIndex) : options.longs === $Number ? new $util.LongBits(message.frameIndex.low >>> 0, message.frameIndex.high >>> 0).toNumber(true) : message.frameIndex;
                if (message.captureTimeNs != null && $Object.hasOwnProperty.call(message, "captureTimeNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.captureTimeNs = typeof message.captureTimeNs === "number" ? $BigInt(message.captureTimeNs) : $util.Long.fromBits(message.captureTimeNs.low >>> 0, message.captureTimeNs.high >>> 0, true).toBigInt();
                    else if (typeof message.captureTimeNs === "number")
                        object.captureTimeNs = options.longs === $String ? $String(message.captureTimeNs) : message.captureTimeNs;
                    else
                        object.captureTimeNs = options.longs === $String ? $util.Long.prototype.toString.call(message.captureTimeNs) : options.longs === $Number ? new $util.LongBits(message.captureTimeNs.low >>> 0, message.captureTimeNs.high >>> 0).toNumber(true) : message.captureTimeNs;
                if (message.droppedBefore != null && $Object.hasOwnProperty.call(message, "droppedBefore"))
                    object.droppedBefore = message.droppedBefore;
                return object;
            };

            /**
             * Converts this CameraFrame to JSON.
             * @function toJSON
             * @memberof teleop.v1.CameraFrame
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CameraFrame.prototype.toJSON = function() {
                return CameraFrame.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for CameraFrame
             * @function getTypeUrl
             * @memberof teleop.v1.CameraFrame
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CameraFrame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.CameraFrame";
            };

            return CameraFrame;
        })();

        v1.LeaseGranted = (function() {

            /**
             * Properties of a LeaseGranted.
             * @typedef {Object} teleop.v1.LeaseGranted.$Properties
             * @property {string|null} [leaseId] LeaseGranted leaseId
             * @property {string|null} [operatorId] LeaseGranted operatorId
             * @property {Long|null} [expiresAtNs] LeaseGranted expiresAtNs
             * @property {Long|null} [fencingToken] LeaseGranted fencingToken
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LeaseGranted.
             * @memberof teleop.v1
             * @interface ILeaseGranted
             * @augments teleop.v1.LeaseGranted.$Properties
             * @deprecated Use teleop.v1.LeaseGranted.$Properties instead.
             */

            /**
             * Shape of a LeaseGranted.
             * @typedef {teleop.v1.LeaseGranted.$Properties} teleop.v1.LeaseGranted.$Shape
             */

            /**
             * Constructs a new LeaseGranted.
             * @memberof teleop.v1
             * @classdesc Represents a LeaseGranted.
             * @constructor
             * @param {teleop.v1.LeaseGranted.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LeaseGranted = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LeaseGranted leaseId.
             * @member {string} leaseId
             * @memberof teleop.v1.LeaseGranted
             * @instance
             */
            LeaseGranted.prototype.leaseId = "";

            /**
             * LeaseGranted operatorId.
             * @member {string} operatorId
             * @memberof teleop.v1.LeaseGranted
             * @instance
             */
            LeaseGranted.prototype.operatorId = "";

            /**
             * LeaseGranted expiresAtNs.
             * @member {Long} expiresAtNs
             * @memberof teleop.v1.LeaseGranted
             * @instance
             */
            LeaseGranted.prototype.expiresAtNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * LeaseGranted fencingToken.
             * @member {Long} fencingToken
             * @memberof teleop.v1.LeaseGranted
             * @instance
             */
            LeaseGranted.prototype.fencingToken = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new LeaseGranted instance using the specified properties.
             * @function create
             * @memberof teleop.v1.LeaseGranted
             * @static
             * @param {teleop.v1.LeaseGranted.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.LeaseGranted} LeaseGranted instance
             * @type {{
             *   (properties: teleop.v1.LeaseGranted.$Shape): teleop.v1.LeaseGranted & teleop.v1.LeaseGranted.$Shape;
             *   (properties?: teleop.v1.LeaseGranted.$Properties): teleop.v1.LeaseGranted;
             * }}
             */
            LeaseGranted.create = function(properties) {
                return new LeaseGranted(properties);
            };

            /**
             * Encodes the specified LeaseGranted message. Does not implicitly {@link teleop.v1.LeaseGranted.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.LeaseGranted
             * @static
             * @param {teleop.v1.LeaseGranted.$Properties} message LeaseGranted message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LeaseGranted.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId") && message.leaseId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.leaseId);
                if (message.operatorId != null && $Object.hasOwnProperty.call(message, "operatorId") && message.operatorId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.operatorId);
                if (message.expiresAtNs != null && $Object.hasOwnProperty.call(message, "expiresAtNs") && (typeof message.expiresAtNs === "object" ? message.expiresAtNs.low || message.expiresAtNs.high : message.expiresAtNs !== 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).fixed64(message.expiresAtNs);
                if (message.fencingToken != null && $Object.hasOwnProperty.call(message, "fencingToken") && (typeof message.fencingToken === "object" ? message.fencingToken.low || message.fencingToken.high : message.fencingToken !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.fencingToken);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified LeaseGranted message, length delimited. Does not implicitly {@link teleop.v1.LeaseGranted.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.LeaseGranted
             * @static
             * @param {teleop.v1.LeaseGranted.$Properties} message LeaseGranted message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LeaseGranted.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a LeaseGranted message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.LeaseGranted
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.LeaseGranted & teleop.v1.LeaseGranted.$Shape} LeaseGranted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LeaseGranted.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.LeaseGranted();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.leaseId = value;
                            else
                                delete message.leaseId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.operatorId = value;
                            else
                                delete message.operatorId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                                message.expiresAtNs = value;
                            else
                                delete message.expiresAtNs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.fencingToken = value;
                            else
                                delete message.fencingToken;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a LeaseGranted message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.LeaseGranted
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.LeaseGranted & teleop.v1.LeaseGranted.$Shape} LeaseGranted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LeaseGranted.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a LeaseGranted message.
             * @function verify
             * @memberof teleop.v1.LeaseGranted
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LeaseGranted.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    if (!$util.isString(message.leaseId))
                        return "leaseId: string expected";
                if (message.operatorId != null && $Object.hasOwnProperty.call(message, "operatorId"))
                    if (!$util.isString(message.operatorId))
                        return "operatorId: string expected";
                if (message.expiresAtNs != null && $Object.hasOwnProperty.call(message, "expiresAtNs"))
                    if (!$util.isInteger(message.expiresAtNs) && !(message.expiresAtNs && $util.isInteger(message.expiresAtNs.low) && $util.isInteger(message.expiresAtNs.high)))
                        return "expiresAtNs: integer|Long expected";
                if (message.fencingToken != null && $Object.hasOwnProperty.call(message, "fencingToken"))
                    if (!$util.isInteger(message.fencingToken) && !(message.fencingToken && $util.isInteger(message.fencingToken.low) && $util.isInteger(message.fencingToken.high)))
                        return "fencingToken: integer|Long expected";
                return null;
            };

            /**
             * Creates a LeaseGranted message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.LeaseGranted
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.LeaseGranted} LeaseGranted
             */
            LeaseGranted.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.LeaseGranted)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.LeaseGranted: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.LeaseGranted();
                if (object.leaseId != null)
                    if (typeof object.leaseId !== "string" || object.leaseId.length)
                        message.leaseId = $String(object.leaseId);
                if (object.operatorId != null)
                    if (typeof object.operatorId !== "string" || object.operatorId.length)
                        message.operatorId = $String(object.operatorId);
                if (object.expiresAtNs != null)
                    if (typeof object.expiresAtNs === "object" ? object.expiresAtNs.low || object.expiresAtNs.high : $Number(object.expiresAtNs) !== 0)
                        if ($util.Long)
                            message.expiresAtNs = $util.Long.fromValue(object.expiresAtNs, true);
                        else if (typeof object.expiresAtNs === "string")
                            message.expiresAtNs = $parseInt(object.expiresAtNs, 10);
                        else if (typeof object.expiresAtNs === "number")
                            message.expiresAtNs = object.expiresAtNs;
                        else if (typeof object.expiresAtNs === "object")
                            message.expiresAtNs = new $util.LongBits(object.expiresAtNs.low >>> 0, object.expiresAtNs.high >>> 0).toNumber(true);
                if (object.fencingToken != null)
                    if (typeof object.fencingToken === "object" ? object.fencingToken.low || object.fencingToken.high : $Number(object.fencingToken) !== 0)
                        if ($util.Long)
                            message.fencingToken = $util.Long.fromValue(object.fencingToken, true);
                        else if (typeof object.fencingToken === "string")
                            message.fencingToken = $parseInt(object.fencingToken, 10);
                        else if (typeof object.fencingToken === "number")
                            message.fencingToken = object.fencingToken;
                        else if (typeof object.fencingToken === "object")
                            message.fencingToken = new $util.LongBits(object.fencingToken.low >>> 0, object.fencingToken.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a LeaseGranted message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.LeaseGranted
             * @static
             * @param {teleop.v1.LeaseGranted} message LeaseGranted
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LeaseGranted.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.leaseId = "";
                    object.operatorId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.expiresAtNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.expiresAtNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.fencingToken = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.fencingToken = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    object.leaseId = message.leaseId;
                if (message.operatorId != null && $Object.hasOwnProperty.call(message, "operatorId"))
                    object.operatorId = message.operatorId;
                if (message.expiresAtNs != null && $Object.hasOwnProperty.call(message, "expiresAtNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.expiresAtNs = typeof message.expiresAtNs === "number" ? $BigInt(message.expiresAtNs) : $util.Long.fromBits(message.expiresAtNs.low >>> 0, message.expiresAtNs.high >>> 0, true).toBigInt();
                    else if (typeof message.expiresAtNs === "number")
                        object.expiresAtNs = options.longs === $String ? $String(message.expiresAtNs) : message.expiresAtNs;
                    else
                        object.expiresAtNs = options.longs === $String ? $util.Long.prototype.toString.call(message.expiresAtNs) : options.longs === $Number ? new $util.LongBits(message.expiresAtNs.low >>> 0, message.expiresAtNs.high >>> 0).toNumber(true) : message.expiresAtNs;
                if (message.fencingToken != null && $Object.hasOwnProperty.call(message, "fencingToken"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.fencingToken = typeof message.fencingToken === "number" ? $BigInt(message.fencingToken) : $util.Long.fromBits(message.fencingToken.low >>> 0, message.fencingToken.high >>> 0, true).toBigInt();
                    else if (typeof message.fencingToken === "number")
                        object.fencingToken = options.longs === $String ? $String(message.fencingToken) : message.fencingToken;
                    else
                        object.fencingToken = options.longs === $String ? $util.Long.prototype.toString.call(message.fencingToken) : options.longs === $Number ? new $util.LongBits(message.fencingToken.low >>> 0, message.fencingToken.high >>> 0).toNumber(true) : message.fencingToken;
                return object;
            };

            /**
             * Converts this LeaseGranted to JSON.
             * @function toJSON
             * @memberof teleop.v1.LeaseGranted
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LeaseGranted.prototype.toJSON = function() {
                return LeaseGranted.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LeaseGranted
             * @function getTypeUrl
             * @memberof teleop.v1.LeaseGranted
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LeaseGranted.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.LeaseGranted";
            };

            return LeaseGranted;
        })();

        v1.LeaseRevoked = (function() {

            /**
             * Properties of a LeaseRevoked.
             * @typedef {Object} teleop.v1.LeaseRevoked.$Properties
             * @property {string|null} [leaseId] LeaseRevoked leaseId
             * @property {string|null} [reason] LeaseRevoked reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LeaseRevoked.
             * @memberof teleop.v1
             * @interface ILeaseRevoked
             * @augments teleop.v1.LeaseRevoked.$Properties
             * @deprecated Use teleop.v1.LeaseRevoked.$Properties instead.
             */

            /**
             * Shape of a LeaseRevoked.
             * @typedef {teleop.v1.LeaseRevoked.$Properties} teleop.v1.LeaseRevoked.$Shape
             */

            /**
             * Constructs a new LeaseRevoked.
             * @memberof teleop.v1
             * @classdesc Represents a LeaseRevoked.
             * @constructor
             * @param {teleop.v1.LeaseRevoked.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LeaseRevoked = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LeaseRevoked leaseId.
             * @member {string} leaseId
             * @memberof teleop.v1.LeaseRevoked
             * @instance
             */
            LeaseRevoked.prototype.leaseId = "";

            /**
             * LeaseRevoked reason.
             * @member {string} reason
             * @memberof teleop.v1.LeaseRevoked
             * @instance
             */
            LeaseRevoked.prototype.reason = "";

            /**
             * Creates a new LeaseRevoked instance using the specified properties.
             * @function create
             * @memberof teleop.v1.LeaseRevoked
             * @static
             * @param {teleop.v1.LeaseRevoked.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.LeaseRevoked} LeaseRevoked instance
             * @type {{
             *   (properties: teleop.v1.LeaseRevoked.$Shape): teleop.v1.LeaseRevoked & teleop.v1.LeaseRevoked.$Shape;
             *   (properties?: teleop.v1.LeaseRevoked.$Properties): teleop.v1.LeaseRevoked;
             * }}
             */
            LeaseRevoked.create = function(properties) {
                return new LeaseRevoked(properties);
            };

            /**
             * Encodes the specified LeaseRevoked message. Does not implicitly {@link teleop.v1.LeaseRevoked.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.LeaseRevoked
             * @static
             * @param {teleop.v1.LeaseRevoked.$Properties} message LeaseRevoked message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LeaseRevoked.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId") && message.leaseId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.leaseId);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified LeaseRevoked message, length delimited. Does not implicitly {@link teleop.v1.LeaseRevoked.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.LeaseRevoked
             * @static
             * @param {teleop.v1.LeaseRevoked.$Properties} message LeaseRevoked message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LeaseRevoked.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a LeaseRevoked message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.LeaseRevoked
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.LeaseRevoked & teleop.v1.LeaseRevoked.$Shape} LeaseRevoked
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LeaseRevoked.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.LeaseRevoked();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.leaseId = value;
                            else
                                delete message.leaseId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a LeaseRevoked message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.LeaseRevoked
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.LeaseRevoked & teleop.v1.LeaseRevoked.$Shape} LeaseRevoked
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LeaseRevoked.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a LeaseRevoked message.
             * @function verify
             * @memberof teleop.v1.LeaseRevoked
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LeaseRevoked.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    if (!$util.isString(message.leaseId))
                        return "leaseId: string expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                return null;
            };

            /**
             * Creates a LeaseRevoked message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.LeaseRevoked
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.LeaseRevoked} LeaseRevoked
             */
            LeaseRevoked.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.LeaseRevoked)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.LeaseRevoked: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.LeaseRevoked();
                if (object.leaseId != null)
                    if (typeof object.leaseId !== "string" || object.leaseId.length)
                        message.leaseId = $String(object.leaseId);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                return message;
            };

            /**
             * Creates a plain object from a LeaseRevoked message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.LeaseRevoked
             * @static
             * @param {teleop.v1.LeaseRevoked} message LeaseRevoked
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LeaseRevoked.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.leaseId = "";
                    object.reason = "";
                }
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    object.leaseId = message.leaseId;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                return object;
            };

            /**
             * Converts this LeaseRevoked to JSON.
             * @function toJSON
             * @memberof teleop.v1.LeaseRevoked
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LeaseRevoked.prototype.toJSON = function() {
                return LeaseRevoked.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LeaseRevoked
             * @function getTypeUrl
             * @memberof teleop.v1.LeaseRevoked
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LeaseRevoked.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.LeaseRevoked";
            };

            return LeaseRevoked;
        })();

        v1.EStop = (function() {

            /**
             * Properties of a EStop.
             * @typedef {Object} teleop.v1.EStop.$Properties
             * @property {string|null} [source] EStop source
             * @property {string|null} [reason] EStop reason
             * @property {string|null} [id] EStop id
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a EStop.
             * @memberof teleop.v1
             * @interface IEStop
             * @augments teleop.v1.EStop.$Properties
             * @deprecated Use teleop.v1.EStop.$Properties instead.
             */

            /**
             * Shape of a EStop.
             * @typedef {teleop.v1.EStop.$Properties} teleop.v1.EStop.$Shape
             */

            /**
             * Constructs a new EStop.
             * @memberof teleop.v1
             * @classdesc Represents a EStop.
             * @constructor
             * @param {teleop.v1.EStop.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EStop = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EStop source.
             * @member {string} source
             * @memberof teleop.v1.EStop
             * @instance
             */
            EStop.prototype.source = "";

            /**
             * EStop reason.
             * @member {string} reason
             * @memberof teleop.v1.EStop
             * @instance
             */
            EStop.prototype.reason = "";

            /**
             * EStop id.
             * @member {string} id
             * @memberof teleop.v1.EStop
             * @instance
             */
            EStop.prototype.id = "";

            /**
             * Creates a new EStop instance using the specified properties.
             * @function create
             * @memberof teleop.v1.EStop
             * @static
             * @param {teleop.v1.EStop.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.EStop} EStop instance
             * @type {{
             *   (properties: teleop.v1.EStop.$Shape): teleop.v1.EStop & teleop.v1.EStop.$Shape;
             *   (properties?: teleop.v1.EStop.$Properties): teleop.v1.EStop;
             * }}
             */
            EStop.create = function(properties) {
                return new EStop(properties);
            };

            /**
             * Encodes the specified EStop message. Does not implicitly {@link teleop.v1.EStop.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.EStop
             * @static
             * @param {teleop.v1.EStop.$Properties} message EStop message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EStop.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.source);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reason);
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.id);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified EStop message, length delimited. Does not implicitly {@link teleop.v1.EStop.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.EStop
             * @static
             * @param {teleop.v1.EStop.$Properties} message EStop message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EStop.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a EStop message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.EStop
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.EStop & teleop.v1.EStop.$Shape} EStop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EStop.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.EStop();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.source = value;
                            else
                                delete message.source;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a EStop message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.EStop
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.EStop & teleop.v1.EStop.$Shape} EStop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EStop.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a EStop message.
             * @function verify
             * @memberof teleop.v1.EStop
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            EStop.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    if (!$util.isString(message.source))
                        return "source: string expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isString(message.id))
                        return "id: string expected";
                return null;
            };

            /**
             * Creates a EStop message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.EStop
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.EStop} EStop
             */
            EStop.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.EStop)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.EStop: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.EStop();
                if (object.source != null)
                    if (typeof object.source !== "string" || object.source.length)
                        message.source = $String(object.source);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                return message;
            };

            /**
             * Creates a plain object from a EStop message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.EStop
             * @static
             * @param {teleop.v1.EStop} message EStop
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EStop.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.source = "";
                    object.reason = "";
                    object.id = "";
                }
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    object.source = message.source;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                return object;
            };

            /**
             * Converts this EStop to JSON.
             * @function toJSON
             * @memberof teleop.v1.EStop
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EStop.prototype.toJSON = function() {
                return EStop.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for EStop
             * @function getTypeUrl
             * @memberof teleop.v1.EStop
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EStop.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.EStop";
            };

            return EStop;
        })();

        v1.EStopReset = (function() {

            /**
             * Properties of a EStopReset.
             * @typedef {Object} teleop.v1.EStopReset.$Properties
             * @property {string|null} [source] EStopReset source
             * @property {string|null} [id] EStopReset id
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a EStopReset.
             * @memberof teleop.v1
             * @interface IEStopReset
             * @augments teleop.v1.EStopReset.$Properties
             * @deprecated Use teleop.v1.EStopReset.$Properties instead.
             */

            /**
             * Shape of a EStopReset.
             * @typedef {teleop.v1.EStopReset.$Properties} teleop.v1.EStopReset.$Shape
             */

            /**
             * Constructs a new EStopReset.
             * @memberof teleop.v1
             * @classdesc Represents a EStopReset.
             * @constructor
             * @param {teleop.v1.EStopReset.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EStopReset = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EStopReset source.
             * @member {string} source
             * @memberof teleop.v1.EStopReset
             * @instance
             */
            EStopReset.prototype.source = "";

            /**
             * EStopReset id.
             * @member {string} id
             * @memberof teleop.v1.EStopReset
             * @instance
             */
            EStopReset.prototype.id = "";

            /**
             * Creates a new EStopReset instance using the specified properties.
             * @function create
             * @memberof teleop.v1.EStopReset
             * @static
             * @param {teleop.v1.EStopReset.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.EStopReset} EStopReset instance
             * @type {{
             *   (properties: teleop.v1.EStopReset.$Shape): teleop.v1.EStopReset & teleop.v1.EStopReset.$Shape;
             *   (properties?: teleop.v1.EStopReset.$Properties): teleop.v1.EStopReset;
             * }}
             */
            EStopReset.create = function(properties) {
                return new EStopReset(properties);
            };

            /**
             * Encodes the specified EStopReset message. Does not implicitly {@link teleop.v1.EStopReset.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.EStopReset
             * @static
             * @param {teleop.v1.EStopReset.$Properties} message EStopReset message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EStopReset.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.source);
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.id);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified EStopReset message, length delimited. Does not implicitly {@link teleop.v1.EStopReset.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.EStopReset
             * @static
             * @param {teleop.v1.EStopReset.$Properties} message EStopReset message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EStopReset.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a EStopReset message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.EStopReset
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.EStopReset & teleop.v1.EStopReset.$Shape} EStopReset
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EStopReset.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.EStopReset();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.source = value;
                            else
                                delete message.source;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a EStopReset message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.EStopReset
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.EStopReset & teleop.v1.EStopReset.$Shape} EStopReset
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EStopReset.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a EStopReset message.
             * @function verify
             * @memberof teleop.v1.EStopReset
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            EStopReset.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    if (!$util.isString(message.source))
                        return "source: string expected";
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isString(message.id))
                        return "id: string expected";
                return null;
            };

            /**
             * Creates a EStopReset message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.EStopReset
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.EStopReset} EStopReset
             */
            EStopReset.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.EStopReset)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.EStopReset: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.EStopReset();
                if (object.source != null)
                    if (typeof object.source !== "string" || object.source.length)
                        message.source = $String(object.source);
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                return message;
            };

            /**
             * Creates a plain object from a EStopReset message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.EStopReset
             * @static
             * @param {teleop.v1.EStopReset} message EStopReset
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EStopReset.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.source = "";
                    object.id = "";
                }
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    object.source = message.source;
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                return object;
            };

            /**
             * Converts this EStopReset to JSON.
             * @function toJSON
             * @memberof teleop.v1.EStopReset
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EStopReset.prototype.toJSON = function() {
                return EStopReset.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for EStopReset
             * @function getTypeUrl
             * @memberof teleop.v1.EStopReset
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EStopReset.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.EStopReset";
            };

            return EStopReset;
        })();

        v1.EpisodeStart = (function() {

            /**
             * Properties of an EpisodeStart.
             * @typedef {Object} teleop.v1.EpisodeStart.$Properties
             * @property {string|null} [episodeId] EpisodeStart episodeId
             * @property {string|null} [task] EpisodeStart task
             * @property {string|null} [leaseId] EpisodeStart leaseId
             * @property {string|null} [operator] EpisodeStart operator
             * @property {number|null} [fps] EpisodeStart fps
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EpisodeStart.
             * @memberof teleop.v1
             * @interface IEpisodeStart
             * @augments teleop.v1.EpisodeStart.$Properties
             * @deprecated Use teleop.v1.EpisodeStart.$Properties instead.
             */

            /**
             * Shape of an EpisodeStart.
             * @typedef {teleop.v1.EpisodeStart.$Properties} teleop.v1.EpisodeStart.$Shape
             */

            /**
             * Constructs a new EpisodeStart.
             * @memberof teleop.v1
             * @classdesc Represents an EpisodeStart.
             * @constructor
             * @param {teleop.v1.EpisodeStart.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EpisodeStart = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EpisodeStart episodeId.
             * @member {string} episodeId
             * @memberof teleop.v1.EpisodeStart
             * @instance
             */
            EpisodeStart.prototype.episodeId = "";

            /**
             * EpisodeStart task.
             * @member {string} task
             * @memberof teleop.v1.EpisodeStart
             * @instance
             */
            EpisodeStart.prototype.task = "";

            /**
             * EpisodeStart leaseId.
             * @member {string} leaseId
             * @memberof teleop.v1.EpisodeStart
             * @instance
             */
            EpisodeStart.prototype.leaseId = "";

            /**
             * EpisodeStart operator.
             * @member {string} operator
             * @memberof teleop.v1.EpisodeStart
             * @instance
             */
            EpisodeStart.prototype.operator = "";

            /**
             * EpisodeStart fps.
             * @member {number} fps
             * @memberof teleop.v1.EpisodeStart
             * @instance
             */
            EpisodeStart.prototype.fps = 0;

            /**
             * Creates a new EpisodeStart instance using the specified properties.
             * @function create
             * @memberof teleop.v1.EpisodeStart
             * @static
             * @param {teleop.v1.EpisodeStart.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.EpisodeStart} EpisodeStart instance
             * @type {{
             *   (properties: teleop.v1.EpisodeStart.$Shape): teleop.v1.EpisodeStart & teleop.v1.EpisodeStart.$Shape;
             *   (properties?: teleop.v1.EpisodeStart.$Properties): teleop.v1.EpisodeStart;
             * }}
             */
            EpisodeStart.create = function(properties) {
                return new EpisodeStart(properties);
            };

            /**
             * Encodes the specified EpisodeStart message. Does not implicitly {@link teleop.v1.EpisodeStart.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.EpisodeStart
             * @static
             * @param {teleop.v1.EpisodeStart.$Properties} message EpisodeStart message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EpisodeStart.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.episodeId != null && $Object.hasOwnProperty.call(message, "episodeId") && message.episodeId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.episodeId);
                if (message.task != null && $Object.hasOwnProperty.call(message, "task") && message.task !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.task);
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId") && message.leaseId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.leaseId);
                if (message.operator != null && $Object.hasOwnProperty.call(message, "operator") && message.operator !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.operator);
                if (message.fps != null && $Object.hasOwnProperty.call(message, "fps") && message.fps !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.fps);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified EpisodeStart message, length delimited. Does not implicitly {@link teleop.v1.EpisodeStart.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.EpisodeStart
             * @static
             * @param {teleop.v1.EpisodeStart.$Properties} message EpisodeStart message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EpisodeStart.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an EpisodeStart message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.EpisodeStart
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.EpisodeStart & teleop.v1.EpisodeStart.$Shape} EpisodeStart
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EpisodeStart.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.EpisodeStart();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.episodeId = value;
                            else
                                delete message.episodeId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.task = value;
                            else
                                delete message.task;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.leaseId = value;
                            else
                                delete message.leaseId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.operator = value;
                            else
                                delete message.operator;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.fps = value;
                            else
                                delete message.fps;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an EpisodeStart message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.EpisodeStart
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.EpisodeStart & teleop.v1.EpisodeStart.$Shape} EpisodeStart
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EpisodeStart.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an EpisodeStart message.
             * @function verify
             * @memberof teleop.v1.EpisodeStart
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            EpisodeStart.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.episodeId != null && $Object.hasOwnProperty.call(message, "episodeId"))
                    if (!$util.isString(message.episodeId))
                        return "episodeId: string expected";
                if (message.task != null && $Object.hasOwnProperty.call(message, "task"))
                    if (!$util.isString(message.task))
                        return "task: string expected";
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    if (!$util.isString(message.leaseId))
                        return "leaseId: string expected";
                if (message.operator != null && $Object.hasOwnProperty.call(message, "operator"))
                    if (!$util.isString(message.operator))
                        return "operator: string expected";
                if (message.fps != null && $Object.hasOwnProperty.call(message, "fps"))
                    if (!$util.isInteger(message.fps))
                        return "fps: integer expected";
                return null;
            };

            /**
             * Creates an EpisodeStart message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.EpisodeStart
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.EpisodeStart} EpisodeStart
             */
            EpisodeStart.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.EpisodeStart)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.EpisodeStart: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.EpisodeStart();
                if (object.episodeId != null)
                    if (typeof object.episodeId !== "string" || object.episodeId.length)
                        message.episodeId = $String(object.episodeId);
                if (object.task != null)
                    if (typeof object.task !== "string" || object.task.length)
                        message.task = $String(object.task);
                if (object.leaseId != null)
                    if (typeof object.leaseId !== "string" || object.leaseId.length)
                        message.leaseId = $String(object.leaseId);
                if (object.operator != null)
                    if (typeof object.operator !== "string" || object.operator.length)
                        message.operator = $String(object.operator);
                if (object.fps != null)
                    if ($Number(object.fps) !== 0)
                        message.fps = object.fps >>> 0;
                return message;
            };

            /**
             * Creates a plain object from an EpisodeStart message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.EpisodeStart
             * @static
             * @param {teleop.v1.EpisodeStart} message EpisodeStart
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EpisodeStart.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.episodeId = "";
                    object.task = "";
                    object.leaseId = "";
                    object.operator = "";
                    object.fps = 0;
                }
                if (message.episodeId != null && $Object.hasOwnProperty.call(message, "episodeId"))
                    object.episodeId = message.episodeId;
                if (message.task != null && $Object.hasOwnProperty.call(message, "task"))
                    object.task = message.task;
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    object.leaseId = message.leaseId;
                if (message.operator != null && $Object.hasOwnProperty.call(message, "operator"))
                    object.operator = message.operator;
                if (message.fps != null && $Object.hasOwnProperty.call(message, "fps"))
                    object.fps = message.fps;
                return object;
            };

            /**
             * Converts this EpisodeStart to JSON.
             * @function toJSON
             * @memberof teleop.v1.EpisodeStart
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EpisodeStart.prototype.toJSON = function() {
                return EpisodeStart.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for EpisodeStart
             * @function getTypeUrl
             * @memberof teleop.v1.EpisodeStart
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EpisodeStart.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.EpisodeStart";
            };

            return EpisodeStart;
        })();

        v1.EpisodeStop = (function() {

            /**
             * Properties of an EpisodeStop.
             * @typedef {Object} teleop.v1.EpisodeStop.$Properties
             * @property {string|null} [episodeId] EpisodeStop episodeId
             * @property {string|null} [outcome] EpisodeStop outcome
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EpisodeStop.
             * @memberof teleop.v1
             * @interface IEpisodeStop
             * @augments teleop.v1.EpisodeStop.$Properties
             * @deprecated Use teleop.v1.EpisodeStop.$Properties instead.
             */

            /**
             * Shape of an EpisodeStop.
             * @typedef {teleop.v1.EpisodeStop.$Properties} teleop.v1.EpisodeStop.$Shape
             */

            /**
             * Constructs a new EpisodeStop.
             * @memberof teleop.v1
             * @classdesc Represents an EpisodeStop.
             * @constructor
             * @param {teleop.v1.EpisodeStop.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EpisodeStop = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EpisodeStop episodeId.
             * @member {string} episodeId
             * @memberof teleop.v1.EpisodeStop
             * @instance
             */
            EpisodeStop.prototype.episodeId = "";

            /**
             * EpisodeStop outcome.
             * @member {string} outcome
             * @memberof teleop.v1.EpisodeStop
             * @instance
             */
            EpisodeStop.prototype.outcome = "";

            /**
             * Creates a new EpisodeStop instance using the specified properties.
             * @function create
             * @memberof teleop.v1.EpisodeStop
             * @static
             * @param {teleop.v1.EpisodeStop.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.EpisodeStop} EpisodeStop instance
             * @type {{
             *   (properties: teleop.v1.EpisodeStop.$Shape): teleop.v1.EpisodeStop & teleop.v1.EpisodeStop.$Shape;
             *   (properties?: teleop.v1.EpisodeStop.$Properties): teleop.v1.EpisodeStop;
             * }}
             */
            EpisodeStop.create = function(properties) {
                return new EpisodeStop(properties);
            };

            /**
             * Encodes the specified EpisodeStop message. Does not implicitly {@link teleop.v1.EpisodeStop.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.EpisodeStop
             * @static
             * @param {teleop.v1.EpisodeStop.$Properties} message EpisodeStop message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EpisodeStop.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.episodeId != null && $Object.hasOwnProperty.call(message, "episodeId") && message.episodeId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.episodeId);
                if (message.outcome != null && $Object.hasOwnProperty.call(message, "outcome") && message.outcome !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.outcome);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified EpisodeStop message, length delimited. Does not implicitly {@link teleop.v1.EpisodeStop.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.EpisodeStop
             * @static
             * @param {teleop.v1.EpisodeStop.$Properties} message EpisodeStop message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EpisodeStop.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an EpisodeStop message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.EpisodeStop
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.EpisodeStop & teleop.v1.EpisodeStop.$Shape} EpisodeStop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EpisodeStop.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.EpisodeStop();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.episodeId = value;
                            else
                                delete message.episodeId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.outcome = value;
                            else
                                delete message.outcome;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an EpisodeStop message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.EpisodeStop
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.EpisodeStop & teleop.v1.EpisodeStop.$Shape} EpisodeStop
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EpisodeStop.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an EpisodeStop message.
             * @function verify
             * @memberof teleop.v1.EpisodeStop
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            EpisodeStop.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.episodeId != null && $Object.hasOwnProperty.call(message, "episodeId"))
                    if (!$util.isString(message.episodeId))
                        return "episodeId: string expected";
                if (message.outcome != null && $Object.hasOwnProperty.call(message, "outcome"))
                    if (!$util.isString(message.outcome))
                        return "outcome: string expected";
                return null;
            };

            /**
             * Creates an EpisodeStop message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.EpisodeStop
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.EpisodeStop} EpisodeStop
             */
            EpisodeStop.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.EpisodeStop)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.EpisodeStop: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.EpisodeStop();
                if (object.episodeId != null)
                    if (typeof object.episodeId !== "string" || object.episodeId.length)
                        message.episodeId = $String(object.episodeId);
                if (object.outcome != null)
                    if (typeof object.outcome !== "string" || object.outcome.length)
                        message.outcome = $String(object.outcome);
                return message;
            };

            /**
             * Creates a plain object from an EpisodeStop message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.EpisodeStop
             * @static
             * @param {teleop.v1.EpisodeStop} message EpisodeStop
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EpisodeStop.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.episodeId = "";
                    object.outcome = "";
                }
                if (message.episodeId != null && $Object.hasOwnProperty.call(message, "episodeId"))
                    object.episodeId = message.episodeId;
                if (message.outcome != null && $Object.hasOwnProperty.call(message, "outcome"))
                    object.outcome = message.outcome;
                return object;
            };

            /**
             * Converts this EpisodeStop to JSON.
             * @function toJSON
             * @memberof teleop.v1.EpisodeStop
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EpisodeStop.prototype.toJSON = function() {
                return EpisodeStop.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for EpisodeStop
             * @function getTypeUrl
             * @memberof teleop.v1.EpisodeStop
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EpisodeStop.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.EpisodeStop";
            };

            return EpisodeStop;
        })();

        v1.SessionEvent = (function() {

            /**
             * Properties of a SessionEvent.
             * @typedef {Object} teleop.v1.SessionEvent.$Properties
             * @property {Long|null} [timeNs] SessionEvent timeNs
             * @property {teleop.v1.LeaseGranted.$Properties|null} [leaseGranted] SessionEvent leaseGranted
             * @property {teleop.v1.LeaseRevoked.$Properties|null} [leaseRevoked] SessionEvent leaseRevoked
             * @property {teleop.v1.EStop.$Properties|null} [estop] SessionEvent estop
             * @property {teleop.v1.EStopReset.$Properties|null} [estopReset] SessionEvent estopReset
             * @property {teleop.v1.EpisodeStart.$Properties|null} [episodeStart] SessionEvent episodeStart
             * @property {teleop.v1.EpisodeStop.$Properties|null} [episodeStop] SessionEvent episodeStop
             * @property {"leaseGranted"|"leaseRevoked"|"estop"|"estopReset"|"episodeStart"|"episodeStop"} [event] SessionEvent event
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SessionEvent.
             * @memberof teleop.v1
             * @interface ISessionEvent
             * @augments teleop.v1.SessionEvent.$Properties
             * @deprecated Use teleop.v1.SessionEvent.$Properties instead.
             */

            /**
             * Narrowed shape of a SessionEvent.
             * @typedef {{
             *   timeNs?: Long|null;
             *   leaseGranted?: teleop.v1.LeaseGranted.$Shape|null;
             *   leaseRevoked?: teleop.v1.LeaseRevoked.$Shape|null;
             *   estop?: teleop.v1.EStop.$Shape|null;
             *   estopReset?: teleop.v1.EStopReset.$Shape|null;
             *   episodeStart?: teleop.v1.EpisodeStart.$Shape|null;
             *   episodeStop?: teleop.v1.EpisodeStop.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ event?: undefined; leaseGranted?: null; leaseRevoked?: null; estop?: null; estopReset?: null; episodeStart?: null; episodeStop?: null }|{ event?: "leaseGranted"; leaseGranted: teleop.v1.LeaseGranted.$Shape; leaseRevoked?: null; estop?: null; estopReset?: null; episodeStart?: null; episodeStop?: null }|{ event?: "leaseRevoked"; leaseGranted?: null; leaseRevoked: teleop.v1.LeaseRevoked.$Shape; estop?: null; estopReset?: null; episodeStart?: null; episodeStop?: null }|{ event?: "estop"; leaseGranted?: null; leaseRevoked?: null; estop: teleop.v1.EStop.$Shape; estopReset?: null; episodeStart?: null; episodeStop?: null }|{ event?: "estopReset"; leaseGranted?: null; leaseRevoked?: null; estop?: null; estopReset: teleop.v1.EStopReset.$Shape; episodeStart?: null; episodeStop?: null }|{ event?: "episodeStart"; leaseGranted?: null; leaseRevoked?: null; estop?: null; estopReset?: null; episodeStart: teleop.v1.EpisodeStart.$Shape; episodeStop?: null }|{ event?: "episodeStop"; leaseGranted?: null; leaseRevoked?: null; estop?: null; estopReset?: null; episodeStart?: null; episodeStop: teleop.v1.EpisodeStop.$Shape })
             * )} teleop.v1.SessionEvent.$Shape
             */

            /**
             * Constructs a new SessionEvent.
             * @memberof teleop.v1
             * @classdesc Represents a SessionEvent.
             * @constructor
             * @param {teleop.v1.SessionEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SessionEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SessionEvent timeNs.
             * @member {Long} timeNs
             * @memberof teleop.v1.SessionEvent
             * @instance
             */
            SessionEvent.prototype.timeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SessionEvent leaseGranted.
             * @member {teleop.v1.LeaseGranted.$Properties|null|undefined} leaseGranted
             * @memberof teleop.v1.SessionEvent
             * @instance
             */
            SessionEvent.prototype.leaseGranted = null;

            /**
             * SessionEvent leaseRevoked.
             * @member {teleop.v1.LeaseRevoked.$Properties|null|undefined} leaseRevoked
             * @memberof teleop.v1.SessionEvent
             * @instance
             */
            SessionEvent.prototype.leaseRevoked = null;

            /**
             * SessionEvent estop.
             * @member {teleop.v1.EStop.$Properties|null|undefined} estop
             * @memberof teleop.v1.SessionEvent
             * @instance
             */
            SessionEvent.prototype.estop = null;

            /**
             * SessionEvent estopReset.
             * @member {teleop.v1.EStopReset.$Properties|null|undefined} estopReset
             * @memberof teleop.v1.SessionEvent
             * @instance
             */
            SessionEvent.prototype.estopReset = null;

            /**
             * SessionEvent episodeStart.
             * @member {teleop.v1.EpisodeStart.$Properties|null|undefined} episodeStart
             * @memberof teleop.v1.SessionEvent
             * @instance
             */
            SessionEvent.prototype.episodeStart = null;

            /**
             * SessionEvent episodeStop.
             * @member {teleop.v1.EpisodeStop.$Properties|null|undefined} episodeStop
             * @memberof teleop.v1.SessionEvent
             * @instance
             */
            SessionEvent.prototype.episodeStop = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * SessionEvent event.
             * @member {"leaseGranted"|"leaseRevoked"|"estop"|"estopReset"|"episodeStart"|"episodeStop"|undefined} event
             * @memberof teleop.v1.SessionEvent
             * @instance
             */
            $Object.defineProperty(SessionEvent.prototype, "event", {
                get: $util.oneOfGetter($oneOfFields = ["leaseGranted", "leaseRevoked", "estop", "estopReset", "episodeStart", "episodeStop"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new SessionEvent instance using the specified properties.
             * @function create
             * @memberof teleop.v1.SessionEvent
             * @static
             * @param {teleop.v1.SessionEvent.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.SessionEvent} SessionEvent instance
             * @type {{
             *   (properties: teleop.v1.SessionEvent.$Shape): teleop.v1.SessionEvent & teleop.v1.SessionEvent.$Shape;
             *   (properties?: teleop.v1.SessionEvent.$Properties): teleop.v1.SessionEvent;
             * }}
             */
            SessionEvent.create = function(properties) {
                return new SessionEvent(properties);
            };

            /**
             * Encodes the specified SessionEvent message. Does not implicitly {@link teleop.v1.SessionEvent.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.SessionEvent
             * @static
             * @param {teleop.v1.SessionEvent.$Properties} message SessionEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SessionEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs") && (typeof message.timeNs === "object" ? message.timeNs.low || message.timeNs.high : message.timeNs !== 0))
                    writer.uint32(/* id 1, wireType 1 =*/9).fixed64(message.timeNs);
                if (message.leaseGranted != null && $Object.hasOwnProperty.call(message, "leaseGranted"))
                    $root.teleop.v1.LeaseGranted.encode(message.leaseGranted, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.leaseRevoked != null && $Object.hasOwnProperty.call(message, "leaseRevoked"))
                    $root.teleop.v1.LeaseRevoked.encode(message.leaseRevoked, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.estop != null && $Object.hasOwnProperty.call(message, "estop"))
                    $root.teleop.v1.EStop.encode(message.estop, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.estopReset != null && $Object.hasOwnProperty.call(message, "estopReset"))
                    $root.teleop.v1.EStopReset.encode(message.estopReset, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.episodeStart != null && $Object.hasOwnProperty.call(message, "episodeStart"))
                    $root.teleop.v1.EpisodeStart.encode(message.episodeStart, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.episodeStop != null && $Object.hasOwnProperty.call(message, "episodeStop"))
                    $root.teleop.v1.EpisodeStop.encode(message.episodeStop, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified SessionEvent message, length delimited. Does not implicitly {@link teleop.v1.SessionEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.SessionEvent
             * @static
             * @param {teleop.v1.SessionEvent.$Properties} message SessionEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SessionEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SessionEvent message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.SessionEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.SessionEvent & teleop.v1.SessionEvent.$Shape} SessionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SessionEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.SessionEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 1)
                                break;
                            if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeNs = value;
                            else
                                delete message.timeNs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.leaseGranted = $root.teleop.v1.LeaseGranted.decode(reader, reader.size(), $undefined, _depth + 1, message.leaseGranted);
                            message.event = "leaseGranted";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.leaseRevoked = $root.teleop.v1.LeaseRevoked.decode(reader, reader.size(), $undefined, _depth + 1, message.leaseRevoked);
                            message.event = "leaseRevoked";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.estop = $root.teleop.v1.EStop.decode(reader, reader.size(), $undefined, _depth + 1, message.estop);
                            message.event = "estop";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.estopReset = $root.teleop.v1.EStopReset.decode(reader, reader.size(), $undefined, _depth + 1, message.estopReset);
                            message.event = "estopReset";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.episodeStart = $root.teleop.v1.EpisodeStart.decode(reader, reader.size(), $undefined, _depth + 1, message.episodeStart);
                            message.event = "episodeStart";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.episodeStop = $root.teleop.v1.EpisodeStop.decode(reader, reader.size(), $undefined, _depth + 1, message.episodeStop);
                            message.event = "episodeStop";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a SessionEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.SessionEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.SessionEvent & teleop.v1.SessionEvent.$Shape} SessionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SessionEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SessionEvent message.
             * @function verify
             * @memberof teleop.v1.SessionEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SessionEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs"))
                    if (!$util.isInteger(message.timeNs) && !(message.timeNs && $util.isInteger(message.timeNs.low) && $util.isInteger(message.timeNs.high)))
                        return "timeNs: integer|Long expected";
                if (message.leaseGranted != null && $Object.hasOwnProperty.call(message, "leaseGranted")) {
                    properties.event = 1;
                    {
                        let error = $root.teleop.v1.LeaseGranted.verify(message.leaseGranted, _depth + 1);
                        if (error)
                            return "leaseGranted." + error;
                    }
                }
                if (message.leaseRevoked != null && $Object.hasOwnProperty.call(message, "leaseRevoked")) {
                    if (properties.event === 1)
                        return "event: multiple values";
                    properties.event = 1;
                    {
                        let error = $root.teleop.v1.LeaseRevoked.verify(message.leaseRevoked, _depth + 1);
                        if (error)
                            return "leaseRevoked." + error;
                    }
                }
                if (message.estop != null && $Object.hasOwnProperty.call(message, "estop")) {
                    if (properties.event === 1)
                        return "event: multiple values";
                    properties.event = 1;
                    {
                        let error = $root.teleop.v1.EStop.verify(message.estop, _depth + 1);
                        if (error)
                            return "estop." + error;
                    }
                }
                if (message.estopReset != null && $Object.hasOwnProperty.call(message, "estopReset")) {
                    if (properties.event === 1)
                        return "event: multiple values";
                    properties.event = 1;
                    {
                        let error = $root.teleop.v1.EStopReset.verify(message.estopReset, _depth + 1);
                        if (error)
                            return "estopReset." + error;
                    }
                }
                if (message.episodeStart != null && $Object.hasOwnProperty.call(message, "episodeStart")) {
                    if (properties.event === 1)
                        return "event: multiple values";
                    properties.event = 1;
                    {
                        let error = $root.teleop.v1.EpisodeStart.verify(message.episodeStart, _depth + 1);
                        if (error)
                            return "episodeStart." + error;
                    }
                }
                if (message.episodeStop != null && $Object.hasOwnProperty.call(message, "episodeStop")) {
                    if (properties.event === 1)
                        return "event: multiple values";
                    properties.event = 1;
                    {
                        let error = $root.teleop.v1.EpisodeStop.verify(message.episodeStop, _depth + 1);
                        if (error)
                            return "episodeStop." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a SessionEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.SessionEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.SessionEvent} SessionEvent
             */
            SessionEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.SessionEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.SessionEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.SessionEvent();
                if (object.timeNs != null)
                    if (typeof object.timeNs === "object" ? object.timeNs.low || object.timeNs.high : $Number(object.timeNs) !== 0)
                        if ($util.Long)
                            message.timeNs = $util.Long.fromValue(object.timeNs, true);
                        else if (typeof object.timeNs === "string")
                            message.timeNs = $parseInt(object.timeNs, 10);
                        else if (typeof object.timeNs === "number")
                            message.timeNs = object.timeNs;
                        else if (typeof object.timeNs === "object")
                            message.timeNs = new $util.LongBits(object.timeNs.low >>> 0, object.timeNs.high >>> 0).toNumber(true);
                if (object.leaseGranted != null) {
                    if (!$util.isObject(object.leaseGranted))
                        throw $TypeError(".teleop.v1.SessionEvent.leaseGranted: object expected");
                    message.leaseGranted = $root.teleop.v1.LeaseGranted.fromObject(object.leaseGranted, _depth + 1);
                }
                if (object.leaseRevoked != null) {
                    if (!$util.isObject(object.leaseRevoked))
                        throw $TypeError(".teleop.v1.SessionEvent.leaseRevoked: object expected");
                    message.leaseRevoked = $root.teleop.v1.LeaseRevoked.fromObject(object.leaseRevoked, _depth + 1);
                }
                if (object.estop != null) {
                    if (!$util.isObject(object.estop))
                        throw $TypeError(".teleop.v1.SessionEvent.estop: object expected");
                    message.estop = $root.teleop.v1.EStop.fromObject(object.estop, _depth + 1);
                }
                if (object.estopReset != null) {
                    if (!$util.isObject(object.estopReset))
                        throw $TypeError(".teleop.v1.SessionEvent.estopReset: object expected");
                    message.estopReset = $root.teleop.v1.EStopReset.fromObject(object.estopReset, _depth + 1);
                }
                if (object.episodeStart != null) {
                    if (!$util.isObject(object.episodeStart))
                        throw $TypeError(".teleop.v1.SessionEvent.episodeStart: object expected");
                    message.episodeStart = $root.teleop.v1.EpisodeStart.fromObject(object.episodeStart, _depth + 1);
                }
                if (object.episodeStop != null) {
                    if (!$util.isObject(object.episodeStop))
                        throw $TypeError(".teleop.v1.SessionEvent.episodeStop: object expected");
                    message.episodeStop = $root.teleop.v1.EpisodeStop.fromObject(object.episodeStop, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a SessionEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.SessionEvent
             * @static
             * @param {teleop.v1.SessionEvent} message SessionEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SessionEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.timeNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeNs = typeof message.timeNs === "number" ? $BigInt(message.timeNs) : $util.Long.fromBits(message.timeNs.low >>> 0, message.timeNs.high >>> 0, true).toBigInt();
                    else if (typeof message.timeNs === "number")
                        object.timeNs = options.longs === $String ? $String(message.timeNs) : message.timeNs;
                    else
                        object.timeNs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeNs) : options.longs === $Number ? new $util.LongBits(message.timeNs.low >>> 0, message.timeNs.high >>> 0).toNumber(true) : message.timeNs;
                if (message.leaseGranted != null && $Object.hasOwnProperty.call(message, "leaseGranted")) {
                    object.leaseGranted = $root.teleop.v1.LeaseGranted.toObject(message.leaseGranted, options, _depth + 1);
                    if (options.oneofs)
                        object.event = "leaseGranted";
                }
                if (message.leaseRevoked != null && $Object.hasOwnProperty.call(message, "leaseRevoked")) {
                    object.leaseRevoked = $root.teleop.v1.LeaseRevoked.toObject(message.leaseRevoked, options, _depth + 1);
                    if (options.oneofs)
                        object.event = "leaseRevoked";
                }
                if (message.estop != null && $Object.hasOwnProperty.call(message, "estop")) {
                    object.estop = $root.teleop.v1.EStop.toObject(message.estop, options, _depth + 1);
                    if (options.oneofs)
                        object.event = "estop";
                }
                if (message.estopReset != null && $Object.hasOwnProperty.call(message, "estopReset")) {
                    object.estopReset = $root.teleop.v1.EStopReset.toObject(message.estopReset, options, _depth + 1);
                    if (options.oneofs)
                        object.event = "estopReset";
                }
                if (message.episodeStart != null && $Object.hasOwnProperty.call(message, "episodeStart")) {
                    object.episodeStart = $root.teleop.v1.EpisodeStart.toObject(message.episodeStart, options, _depth + 1);
                    if (options.oneofs)
                        object.event = "episodeStart";
                }
                if (message.episodeStop != null && $Object.hasOwnProperty.call(message, "episodeStop")) {
                    object.episodeStop = $root.teleop.v1.EpisodeStop.toObject(message.episodeStop, options, _depth + 1);
                    if (options.oneofs)
                        object.event = "episodeStop";
                }
                return object;
            };

            /**
             * Converts this SessionEvent to JSON.
             * @function toJSON
             * @memberof teleop.v1.SessionEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SessionEvent.prototype.toJSON = function() {
                return SessionEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SessionEvent
             * @function getTypeUrl
             * @memberof teleop.v1.SessionEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SessionEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.SessionEvent";
            };

            return SessionEvent;
        })();

        v1.JointState = (function() {

            /**
             * Properties of a JointState.
             * @typedef {Object} teleop.v1.JointState.$Properties
             * @property {Long|null} [captureTimeNs] JointState captureTimeNs
             * @property {Array.<number>|null} [positions] JointState positions
             * @property {Array.<number>|null} [velocities] JointState velocities
             * @property {Array.<number>|null} [efforts] JointState efforts
             * @property {Array.<number>|null} [appliedPositions] JointState appliedPositions
             * @property {Long|null} [appliedSequence] JointState appliedSequence
             * @property {string|null} [leaseId] JointState leaseId
             * @property {Long|null} [stateSequence] JointState stateSequence
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JointState.
             * @memberof teleop.v1
             * @interface IJointState
             * @augments teleop.v1.JointState.$Properties
             * @deprecated Use teleop.v1.JointState.$Properties instead.
             */

            /**
             * Shape of a JointState.
             * @typedef {teleop.v1.JointState.$Properties} teleop.v1.JointState.$Shape
             */

            /**
             * Constructs a new JointState.
             * @memberof teleop.v1
             * @classdesc Represents a JointState.
             * @constructor
             * @param {teleop.v1.JointState.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JointState = function (properties) {
                this.positions = [];
                this.velocities = [];
                this.efforts = [];
                this.appliedPositions = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JointState captureTimeNs.
             * @member {Long} captureTimeNs
             * @memberof teleop.v1.JointState
             * @instance
             */
            JointState.prototype.captureTimeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * JointState positions.
             * @member {Array.<number>} positions
             * @memberof teleop.v1.JointState
             * @instance
             */
            JointState.prototype.positions = $util.emptyArray;

            /**
             * JointState velocities.
             * @member {Array.<number>} velocities
             * @memberof teleop.v1.JointState
             * @instance
             */
            JointState.prototype.velocities = $util.emptyArray;

            /**
             * JointState efforts.
             * @member {Array.<number>} efforts
             * @memberof teleop.v1.JointState
             * @instance
             */
            JointState.prototype.efforts = $util.emptyArray;

            /**
             * JointState appliedPositions.
             * @member {Array.<number>} appliedPositions
             * @memberof teleop.v1.JointState
             * @instance
             */
            JointState.prototype.appliedPositions = $util.emptyArray;

            /**
             * JointState appliedSequence.
             * @member {Long} appliedSequence
             * @memberof teleop.v1.JointState
             * @instance
             */
            JointState.prototype.appliedSequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * JointState leaseId.
             * @member {string} leaseId
             * @memberof teleop.v1.JointState
             * @instance
             */
            JointState.prototype.leaseId = "";

            /**
             * JointState stateSequence.
             * @member {Long} stateSequence
             * @memberof teleop.v1.JointState
             * @instance
             */
            JointState.prototype.stateSequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new JointState instance using the specified properties.
             * @function create
             * @memberof teleop.v1.JointState
             * @static
             * @param {teleop.v1.JointState.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.JointState} JointState instance
             * @type {{
             *   (properties: teleop.v1.JointState.$Shape): teleop.v1.JointState & teleop.v1.JointState.$Shape;
             *   (properties?: teleop.v1.JointState.$Properties): teleop.v1.JointState;
             * }}
             */
            JointState.create = function(properties) {
                return new JointState(properties);
            };

            /**
             * Encodes the specified JointState message. Does not implicitly {@link teleop.v1.JointState.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.JointState
             * @static
             * @param {teleop.v1.JointState.$Properties} message JointState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JointState.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.captureTimeNs != null && $Object.hasOwnProperty.call(message, "captureTimeNs") && (typeof message.captureTimeNs === "object" ? message.captureTimeNs.low || message.captureTimeNs.high : message.captureTimeNs !== 0))
                    writer.uint32(/* id 1, wireType 1 =*/9).fixed64(message.captureTimeNs);
                if (message.positions != null && message.positions.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).doubles(message.positions);
                if (message.velocities != null && message.velocities.length)
                    writer.uint32(/* id 3, wireType 2 =*/26).doubles(message.velocities);
                if (message.efforts != null && message.efforts.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).doubles(message.efforts);
                if (message.appliedPositions != null && message.appliedPositions.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).doubles(message.appliedPositions);
                if (message.appliedSequence != null && $Object.hasOwnProperty.call(message, "appliedSequence") && (typeof message.appliedSequence === "object" ? message.appliedSequence.low || message.appliedSequence.high : message.appliedSequence !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.appliedSequence);
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId") && message.leaseId !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.leaseId);
                if (message.stateSequence != null && $Object.hasOwnProperty.call(message, "stateSequence") && (typeof message.stateSequence === "object" ? message.stateSequence.low || message.stateSequence.high : message.stateSequence !== 0))
                    writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.stateSequence);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified JointState message, length delimited. Does not implicitly {@link teleop.v1.JointState.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.JointState
             * @static
             * @param {teleop.v1.JointState.$Properties} message JointState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JointState.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a JointState message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.JointState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.JointState & teleop.v1.JointState.$Shape} JointState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JointState.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.JointState();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 1)
                                break;
                            if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                                message.captureTimeNs = value;
                            else
                                delete message.captureTimeNs;
                            continue;
                        }
                    case 2: {
                            if (wireType === 2) {
                                if (!(message.positions && message.positions.length))
                                    message.positions = [];
                                reader.doubles(message.positions);
                                continue;
                            }
                            if (wireType !== 1)
                                break;
                            if (!(message.positions && message.positions.length))
                                message.positions = [];
                            message.positions.push(reader.double());
                            continue;
                        }
                    case 3: {
                            if (wireType === 2) {
                                if (!(message.velocities && message.velocities.length))
                                    message.velocities = [];
                                reader.doubles(message.velocities);
                                continue;
                            }
                            if (wireType !== 1)
                                break;
                            if (!(message.velocities && message.velocities.length))
                                message.velocities = [];
                            message.velocities.push(reader.double());
                            continue;
                        }
                    case 4: {
                            if (wireType === 2) {
                                if (!(message.efforts && message.efforts.length))
                                    message.efforts = [];
                                reader.doubles(message.efforts);
                                continue;
                            }
                            if (wireType !== 1)
                                break;
                            if (!(message.efforts && message.efforts.length))
                                message.efforts = [];
                            message.efforts.push(reader.double());
                            continue;
                        }
                    case 5: {
                            if (wireType === 2) {
                                if (!(message.appliedPositions && message.appliedPositions.length))
                                    message.appliedPositions = [];
                                reader.doubles(message.appliedPositions);
                                continue;
                            }
                            if (wireType !== 1)
                                break;
                            if (!(message.appliedPositions && message.appliedPositions.length))
                                message.appliedPositions = [];
                            message.appliedPositions.push(reader.double());
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.appliedSequence = value;
                            else
                                delete message.appliedSequence;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.leaseId = value;
                            else
                                delete message.leaseId;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.stateSequence = value;
                            else
                                delete message.stateSequence;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a JointState message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.JointState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.JointState & teleop.v1.JointState.$Shape} JointState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JointState.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a JointState message.
             * @function verify
             * @memberof teleop.v1.JointState
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JointState.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.captureTimeNs != null && $Object.hasOwnProperty.call(message, "captureTimeNs"))
                    if (!$util.isInteger(message.captureTimeNs) && !(message.captureTimeNs && $util.isInteger(message.captureTimeNs.low) && $util.isInteger(message.captureTimeNs.high)))
                        return "captureTimeNs: integer|Long expected";
                if (message.positions != null && $Object.hasOwnProperty.call(message, "positions")) {
                    if (!$Array.isArray(message.positions))
                        return "positions: array expected";
                    for (let i = 0; i < message.positions.length; ++i)
                        if (typeof message.positions[i] !== "number")
                            return "positions: number[] expected";
                }
                if (message.velocities != null && $Object.hasOwnProperty.call(message, "velocities")) {
                    if (!$Array.isArray(message.velocities))
                        return "velocities: array expected";
                    for (let i = 0; i < message.velocities.length; ++i)
                        if (typeof message.velocities[i] !== "number")
                            return "velocities: number[] expected";
                }
                if (message.efforts != null && $Object.hasOwnProperty.call(message, "efforts")) {
                    if (!$Array.isArray(message.efforts))
                        return "efforts: array expected";
                    for (let i = 0; i < message.efforts.length; ++i)
                        if (typeof message.efforts[i] !== "number")
                            return "efforts: number[] expected";
                }
                if (message.appliedPositions != null && $Object.hasOwnProperty.call(message, "appliedPositions")) {
                    if (!$Array.isArray(message.appliedPositions))
                        return "appliedPositions: array expected";
                    for (let i = 0; i < message.appliedPositions.length; ++i)
                        if (typeof message.appliedPositions[i] !== "number")
                            return "appliedPositions: number[] expected";
                }
                if (message.appliedSequence != null && $Object.hasOwnProperty.call(message, "appliedSequence"))
                    if (!$util.isInteger(message.appliedSequence) && !(message.appliedSequence && $util.isInteger(message.appliedSequence.low) && $util.isInteger(message.appliedSequence.high)))
                        return "appliedSequence: integer|Long expected";
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    if (!$util.isString(message.leaseId))
                        return "leaseId: string expected";
                if (message.stateSequence != null && $Object.hasOwnProperty.call(message, "stateSequence"))
                    if (!$util.isInteger(message.stateSequence) && !(message.stateSequence && $util.isInteger(message.stateSequence.low) && $util.isInteger(message.stateSequence.high)))
                        return "stateSequence: integer|Long expected";
                return null;
            };

            /**
             * Creates a JointState message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.JointState
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.JointState} JointState
             */
            JointState.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.JointState)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.JointState: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.JointState();
                if (object.captureTimeNs != null)
                    if (typeof object.captureTimeNs === "object" ? object.captureTimeNs.low || object.captureTimeNs.high : $Number(object.captureTimeNs) !== 0)
                        if ($util.Long)
                            message.captureTimeNs = $util.Long.fromValue(object.captureTimeNs, true);
                        else if (typeof object.captureTimeNs === "string")
                            message.captureTimeNs = $parseInt(object.captureTimeNs, 10);
                        else if (typeof object.captureTimeNs === "number")
                            message.captureTimeNs = object.captureTimeNs;
                        else if (typeof object.captureTimeNs === "object")
                            message.captureTimeNs = new $util.LongBits(object.captureTimeNs.low >>> 0, object.captureTimeNs.high >>> 0).toNumber(true);
                if (object.positions) {
                    if (!$Array.isArray(object.positions))
                        throw $TypeError(".teleop.v1.JointState.positions: array expected");
                    message.positions = $Array(object.positions.length);
                    for (let i = 0; i < object.positions.length; ++i)
                        message.positions[i] = $Number(object.positions[i]);
                }
                if (object.velocities) {
                    if (!$Array.isArray(object.velocities))
                        throw $TypeError(".teleop.v1.JointState.velocities: array expected");
                    message.velocities = $Array(object.velocities.length);
                    for (let i = 0; i < object.velocities.length; ++i)
                        message.velocities[i] = $Number(object.velocities[i]);
                }
                if (object.efforts) {
                    if (!$Array.isArray(object.efforts))
                        throw $TypeError(".teleop.v1.JointState.efforts: array expected");
                    message.efforts = $Array(object.efforts.length);
                    for (let i = 0; i < object.efforts.length; ++i)
                        message.efforts[i] = $Number(object.efforts[i]);
                }
                if (object.appliedPositions) {
                    if (!$Array.isArray(object.appliedPositions))
                        throw $TypeError(".teleop.v1.JointState.appliedPositions: array expected");
                    message.appliedPositions = $Array(object.appliedPositions.length);
                    for (let i = 0; i < object.appliedPositions.length; ++i)
                        message.appliedPositions[i] = $Number(object.appliedPositions[i]);
                }
                if (object.appliedSequence != null)
                    if (typeof object.appliedSequence === "object" ? object.appliedSequence.low || object.appliedSequence.high : $Number(object.appliedSequence) !== 0)
                        if ($util.Long)
                            message.appliedSequence = $util.Long.fromValue(object.appliedSequence, true);
                        else if (typeof object.appliedSequence === "string")
                            message.appliedSequence = $parseInt(object.appliedSequence, 10);
                        else if (typeof object.appliedSequence === "number")
                            message.appliedSequence = object.appliedSequence;
                        else if (typeof object.appliedSequence === "object")
                            message.appliedSequence = new $util.LongBits(object.appliedSequence.low >>> 0, object.appliedSequence.high >>> 0).toNumber(true);
                if (object.leaseId != null)
                    if (typeof object.leaseId !== "string" || object.leaseId.length)
                        message.leaseId = $String(object.leaseId);
                if (object.stateSequence != null)
                    if (typeof object.stateSequence === "object" ? object.stateSequence.low || object.stateSequence.high : $Number(object.stateSequence) !== 0)
                        if ($util.Long)
                            message.stateSequence = $util.Long.fromValue(object.stateSequence, true);
                        else if (typeof object.stateSequence === "string")
                            message.stateSequence = $parseInt(object.stateSequence, 10);
                        else if (typeof object.stateSequence === "number")
                            message.stateSequence = object.stateSequence;
                        else if (typeof object.stateSequence === "object")
                            message.stateSequence = new $util.LongBits(object.stateSequence.low >>> 0, object.stateSequence.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a JointState message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.JointState
             * @static
             * @param {teleop.v1.JointState} message JointState
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JointState.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.positions = [];
                    object.velocities = [];
                    object.efforts = [];
                    object.appliedPositions = [];
                }
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.captureTimeNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.captureTimeNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.appliedSequence = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.appliedSequence = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.leaseId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.stateSequence = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.stateSequence = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.captureTimeNs != null && $Object.hasOwnProperty.call(message, "captureTimeNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.captureTimeNs = typeof message.captureTimeNs === "number" ? $BigInt(message.captureTimeNs) : $util.Long.fromBits(message.captureTimeNs.low >>> 0, message.captureTimeNs.high >>> 0, true).toBigInt();
                    else if (typeof message.captureTimeNs === "number")
                        object.captureTimeNs = options.longs === $String ? $String(message.captureTimeNs) : message.captureTimeNs;
                    else
                        object.captureTimeNs = options.longs === $String ? $util.Long.prototype.toString.call(message.captureTimeNs) : options.longs === $Number ? new $util.LongBits(message.captureTimeNs.low >>> 0, message.captureTimeNs.high >>> 0).toNumber(true) : message.captureTimeNs;
                if (message.positions && message.positions.length) {
                    object.positions = $Array(message.positions.length);
                    for (let j = 0; j < message.positions.length; ++j)
                        object.positions[j] = options.json && !$isFinite(message.positions[j]) ? $String(message.positions[j]) : message.positions[j];
                }
                if (message.velocities && message.velocities.length) {
                    object.velocities = $Array(message.velocities.length);
                    for (let j = 0; j < message.velocities.length; ++j)
                        object.velocities[j] = options.json && !$isFinite(message.velocities[j]) ? $String(message.velocities[j]) : message.velocities[j];
                }
                if (message.efforts && message.efforts.length) {
                    object.efforts = $Array(message.efforts.length);
                    for (let j = 0; j < message.efforts.length; ++j)
                        object.efforts[j] = options.json && !$isFinite(message.efforts[j]) ? $String(message.efforts[j]) : message.efforts[j];
                }
                if (message.appliedPositions && message.appliedPositions.length) {
                    object.appliedPositions = $Array(message.appliedPositions.length);
                    for (let j = 0; j < message.appliedPositions.length; ++j)
                        object.appliedPositions[j] = options.json && !$isFinite(message.appliedPositions[j]) ? $String(message.appliedPositions[j]) : message.appliedPositions[j];
                }
                if (message.appliedSequence != null && $Object.hasOwnProperty.call(message, "appliedSequence"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.appliedSequence = typeof message.appliedSequence === "number" ? $BigInt(message.appliedSequence) : $util.Long.fromBits(message.appliedSequence.low >>> 0, message.appliedSequence.high >>> 0, true).toBigInt();
                    else if (typeof message.appliedSequence === "number")
                        object.appliedSequence = options.longs === $String ? $String(message.appliedSequence) : message.appliedSequence;
                    else
                        object.appliedSequence = options.longs === $String ? $util.Long.prototype.toString.call(message.appliedSequence) : options.longs === $Number ? new $util.LongBits(message.appliedSequence.low >>> 0, message.appliedSequence.high >>> 0).toNumber(true) : message.appliedSequence;
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    object.leaseId = message.leaseId;
                if (message.stateSequence != null && $Object.hasOwnProperty.call(message, "stateSequence"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.stateSequence = typeof message.stateSequence === "number" ? $BigInt(message.stateSequence) : $util.Long.fromBits(message.stateSequence.low >>> 0, message.stateSequence.high >>> 0, true).toBigInt();
                    else if (typeof message.stateSequence === "number")
                        object.stateSequence = options.longs === $String ? $String(message.stateSequence) : message.stateSequence;
                    else
                        object.stateSequence = options.longs === $String ? $util.Long.prototype.toString.call(message.stateSequence) : options.longs === $Number ? new $util.LongBits(message.stateSequence.low >>> 0, message.stateSequence.high >>> 0).toNumber(true) : message.stateSequence;
                return object;
            };

            /**
             * Converts this JointState to JSON.
             * @function toJSON
             * @memberof teleop.v1.JointState
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JointState.prototype.toJSON = function() {
                return JointState.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for JointState
             * @function getTypeUrl
             * @memberof teleop.v1.JointState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            JointState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.JointState";
            };

            return JointState;
        })();

        /**
         * RobotMode enum.
         * @name teleop.v1.RobotMode
         * @enum {number}
         * @property {number} ROBOT_MODE_UNSPECIFIED=0 ROBOT_MODE_UNSPECIFIED value
         * @property {number} ROBOT_MODE_IDLE=1 ROBOT_MODE_IDLE value
         * @property {number} ROBOT_MODE_TELEOP=2 ROBOT_MODE_TELEOP value
         * @property {number} ROBOT_MODE_HOLDING=3 ROBOT_MODE_HOLDING value
         * @property {number} ROBOT_MODE_ESTOPPED=4 ROBOT_MODE_ESTOPPED value
         * @property {number} ROBOT_MODE_FAULT=5 ROBOT_MODE_FAULT value
         */
        v1.RobotMode = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ROBOT_MODE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ROBOT_MODE_IDLE"] = 1;
            values[valuesById[2] = "ROBOT_MODE_TELEOP"] = 2;
            values[valuesById[3] = "ROBOT_MODE_HOLDING"] = 3;
            values[valuesById[4] = "ROBOT_MODE_ESTOPPED"] = 4;
            values[valuesById[5] = "ROBOT_MODE_FAULT"] = 5;
            return values;
        })();

        v1.Fault = (function() {

            /**
             * Properties of a Fault.
             * @typedef {Object} teleop.v1.Fault.$Properties
             * @property {string|null} [code] Fault code
             * @property {string|null} [message] Fault message
             * @property {string|null} [joint] Fault joint
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Fault.
             * @memberof teleop.v1
             * @interface IFault
             * @augments teleop.v1.Fault.$Properties
             * @deprecated Use teleop.v1.Fault.$Properties instead.
             */

            /**
             * Shape of a Fault.
             * @typedef {teleop.v1.Fault.$Properties} teleop.v1.Fault.$Shape
             */

            /**
             * Constructs a new Fault.
             * @memberof teleop.v1
             * @classdesc Represents a Fault.
             * @constructor
             * @param {teleop.v1.Fault.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Fault = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Fault code.
             * @member {string} code
             * @memberof teleop.v1.Fault
             * @instance
             */
            Fault.prototype.code = "";

            /**
             * Fault message.
             * @member {string} message
             * @memberof teleop.v1.Fault
             * @instance
             */
            Fault.prototype.message = "";

            /**
             * Fault joint.
             * @member {string} joint
             * @memberof teleop.v1.Fault
             * @instance
             */
            Fault.prototype.joint = "";

            /**
             * Creates a new Fault instance using the specified properties.
             * @function create
             * @memberof teleop.v1.Fault
             * @static
             * @param {teleop.v1.Fault.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.Fault} Fault instance
             * @type {{
             *   (properties: teleop.v1.Fault.$Shape): teleop.v1.Fault & teleop.v1.Fault.$Shape;
             *   (properties?: teleop.v1.Fault.$Properties): teleop.v1.Fault;
             * }}
             */
            Fault.create = function(properties) {
                return new Fault(properties);
            };

            /**
             * Encodes the specified Fault message. Does not implicitly {@link teleop.v1.Fault.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.Fault
             * @static
             * @param {teleop.v1.Fault.$Properties} message Fault message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Fault.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.joint != null && $Object.hasOwnProperty.call(message, "joint") && message.joint !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.joint);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Fault message, length delimited. Does not implicitly {@link teleop.v1.Fault.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.Fault
             * @static
             * @param {teleop.v1.Fault.$Properties} message Fault message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Fault.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Fault message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.Fault
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.Fault & teleop.v1.Fault.$Shape} Fault
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Fault.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.Fault();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.joint = value;
                            else
                                delete message.joint;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Fault message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.Fault
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.Fault & teleop.v1.Fault.$Shape} Fault
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Fault.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Fault message.
             * @function verify
             * @memberof teleop.v1.Fault
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Fault.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    if (!$util.isString(message.code))
                        return "code: string expected";
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    if (!$util.isString(message.message))
                        return "message: string expected";
                if (message.joint != null && $Object.hasOwnProperty.call(message, "joint"))
                    if (!$util.isString(message.joint))
                        return "joint: string expected";
                return null;
            };

            /**
             * Creates a Fault message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.Fault
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.Fault} Fault
             */
            Fault.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.Fault)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.Fault: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.Fault();
                if (object.code != null)
                    if (typeof object.code !== "string" || object.code.length)
                        message.code = $String(object.code);
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                if (object.joint != null)
                    if (typeof object.joint !== "string" || object.joint.length)
                        message.joint = $String(object.joint);
                return message;
            };

            /**
             * Creates a plain object from a Fault message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.Fault
             * @static
             * @param {teleop.v1.Fault} message Fault
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Fault.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.code = "";
                    object.message = "";
                    object.joint = "";
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.joint != null && $Object.hasOwnProperty.call(message, "joint"))
                    object.joint = message.joint;
                return object;
            };

            /**
             * Converts this Fault to JSON.
             * @function toJSON
             * @memberof teleop.v1.Fault
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Fault.prototype.toJSON = function() {
                return Fault.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Fault
             * @function getTypeUrl
             * @memberof teleop.v1.Fault
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Fault.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.Fault";
            };

            return Fault;
        })();

        v1.RobotStatus = (function() {

            /**
             * Properties of a RobotStatus.
             * @typedef {Object} teleop.v1.RobotStatus.$Properties
             * @property {Long|null} [timeNs] RobotStatus timeNs
             * @property {teleop.v1.RobotMode|null} [mode] RobotStatus mode
             * @property {boolean|null} [estop] RobotStatus estop
             * @property {string|null} [estopReason] RobotStatus estopReason
             * @property {Array.<teleop.v1.Fault.$Properties>|null} [faults] RobotStatus faults
             * @property {string|null} [leaseId] RobotStatus leaseId
             * @property {Long|null} [commandsApplied] RobotStatus commandsApplied
             * @property {Long|null} [commandsRejected] RobotStatus commandsRejected
             * @property {Long|null} [clockOffsetNs] RobotStatus clockOffsetNs
             * @property {Array.<teleop.v1.CameraStatus.$Properties>|null} [cameras] RobotStatus cameras
             * @property {string|null} [recordingEpisodeId] RobotStatus recordingEpisodeId
             * @property {teleop.v1.ControlTiming.$Properties|null} [control] RobotStatus control
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RobotStatus.
             * @memberof teleop.v1
             * @interface IRobotStatus
             * @augments teleop.v1.RobotStatus.$Properties
             * @deprecated Use teleop.v1.RobotStatus.$Properties instead.
             */

            /**
             * Shape of a RobotStatus.
             * @typedef {teleop.v1.RobotStatus.$Properties} teleop.v1.RobotStatus.$Shape
             */

            /**
             * Constructs a new RobotStatus.
             * @memberof teleop.v1
             * @classdesc Represents a RobotStatus.
             * @constructor
             * @param {teleop.v1.RobotStatus.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RobotStatus = function (properties) {
                this.faults = [];
                this.cameras = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RobotStatus timeNs.
             * @member {Long} timeNs
             * @memberof teleop.v1.RobotStatus
             * @instance
             */
            RobotStatus.prototype.timeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RobotStatus mode.
             * @member {teleop.v1.RobotMode} mode
             * @memberof teleop.v1.RobotStatus
             * @instance
             */
            RobotStatus.prototype.mode = 0;

            /**
             * RobotStatus estop.
             * @member {boolean} estop
             * @memberof teleop.v1.RobotStatus
             * @instance
             */
            RobotStatus.prototype.estop = false;

            /**
             * RobotStatus estopReason.
             * @member {string} estopReason
             * @memberof teleop.v1.RobotStatus
             * @instance
             */
            RobotStatus.prototype.estopReason = "";

            /**
             * RobotStatus faults.
             * @member {Array.<teleop.v1.Fault.$Properties>} faults
             * @memberof teleop.v1.RobotStatus
             * @instance
             */
            RobotStatus.prototype.faults = $util.emptyArray;

            /**
             * RobotStatus leaseId.
             * @member {string} leaseId
             * @memberof teleop.v1.RobotStatus
             * @instance
             */
            RobotStatus.prototype.leaseId = "";

            /**
             * RobotStatus commandsApplied.
             * @member {Long} commandsApplied
             * @memberof teleop.v1.RobotStatus
             * @instance
             */
            RobotStatus.prototype.commandsApplied = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RobotStatus commandsRejected.
             * @member {Long} commandsRejected
             * @memberof teleop.v1.RobotStatus
             * @instance
             */
            RobotStatus.prototype.commandsRejected = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RobotStatus clockOffsetNs.
             * @member {Long} clockOffsetNs
             * @memberof teleop.v1.RobotStatus
             * @instance
             */
            RobotStatus.prototype.clockOffsetNs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * RobotStatus cameras.
             * @member {Array.<teleop.v1.CameraStatus.$Properties>} cameras
             * @memberof teleop.v1.RobotStatus
             * @instance
             */
            RobotStatus.prototype.cameras = $util.emptyArray;

            /**
             * RobotStatus recordingEpisodeId.
             * @member {string} recordingEpisodeId
             * @memberof teleop.v1.RobotStatus
             * @instance
             */
            RobotStatus.prototype.recordingEpisodeId = "";

            /**
             * RobotStatus control.
             * @member {teleop.v1.ControlTiming.$Properties|null|undefined} control
             * @memberof teleop.v1.RobotStatus
             * @instance
             */
            RobotStatus.prototype.control = null;

            /**
             * Creates a new RobotStatus instance using the specified properties.
             * @function create
             * @memberof teleop.v1.RobotStatus
             * @static
             * @param {teleop.v1.RobotStatus.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.RobotStatus} RobotStatus instance
             * @type {{
             *   (properties: teleop.v1.RobotStatus.$Shape): teleop.v1.RobotStatus & teleop.v1.RobotStatus.$Shape;
             *   (properties?: teleop.v1.RobotStatus.$Properties): teleop.v1.RobotStatus;
             * }}
             */
            RobotStatus.create = function(properties) {
                return new RobotStatus(properties);
            };

            /**
             * Encodes the specified RobotStatus message. Does not implicitly {@link teleop.v1.RobotStatus.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.RobotStatus
             * @static
             * @param {teleop.v1.RobotStatus.$Properties} message RobotStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RobotStatus.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs") && (typeof message.timeNs === "object" ? message.timeNs.low || message.timeNs.high : message.timeNs !== 0))
                    writer.uint32(/* id 1, wireType 1 =*/9).fixed64(message.timeNs);
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.mode);
                if (message.estop != null && $Object.hasOwnProperty.call(message, "estop") && message.estop !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.estop);
                if (message.estopReason != null && $Object.hasOwnProperty.call(message, "estopReason") && message.estopReason !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.estopReason);
                if (message.faults != null && message.faults.length)
                    for (let i = 0; i < message.faults.length; ++i)
                        $root.teleop.v1.Fault.encode(message.faults[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId") && message.leaseId !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.leaseId);
                if (message.commandsApplied != null && $Object.hasOwnProperty.call(message, "commandsApplied") && (typeof message.commandsApplied === "object" ? message.commandsApplied.low || message.commandsApplied.high : message.commandsApplied !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.commandsApplied);
                if (message.commandsRejected != null && $Object.hasOwnProperty.call(message, "commandsRejected") && (typeof message.commandsRejected === "object" ? message.commandsRejected.low || message.commandsRejected.high : message.commandsRejected !== 0))
                    writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.commandsRejected);
                if (message.clockOffsetNs != null && $Object.hasOwnProperty.call(message, "clockOffsetNs") && (typeof message.clockOffsetNs === "object" ? message.clockOffsetNs.low || message.clockOffsetNs.high : message.clockOffsetNs !== 0))
                    writer.uint32(/* id 9, wireType 0 =*/72).sint64(message.clockOffsetNs);
                if (message.cameras != null && message.cameras.length)
                    for (let i = 0; i < message.cameras.length; ++i)
                        $root.teleop.v1.CameraStatus.encode(message.cameras[i], writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.recordingEpisodeId != null && $Object.hasOwnProperty.call(message, "recordingEpisodeId") && message.recordingEpisodeId !== "")
                    writer.uint32(/* id 11, wireType 2 =*/90).string(message.recordingEpisodeId);
                if (message.control != null && $Object.hasOwnProperty.call(message, "control"))
                    $root.teleop.v1.ControlTiming.encode(message.control, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RobotStatus message, length delimited. Does not implicitly {@link teleop.v1.RobotStatus.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.RobotStatus
             * @static
             * @param {teleop.v1.RobotStatus.$Properties} message RobotStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RobotStatus.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RobotStatus message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.RobotStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.RobotStatus & teleop.v1.RobotStatus.$Shape} RobotStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RobotStatus.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.RobotStatus();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 1)
                                break;
                            if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeNs = value;
                            else
                                delete message.timeNs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.mode = value;
                            else
                                delete message.mode;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.estop = value;
                            else
                                delete message.estop;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.estopReason = value;
                            else
                                delete message.estopReason;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.faults && message.faults.length))
                                message.faults = [];
                            message.faults.push($root.teleop.v1.Fault.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.leaseId = value;
                            else
                                delete message.leaseId;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.commandsApplied = value;
                            else
                                delete message.commandsApplied;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.commandsRejected = value;
                            else
                                delete message.commandsRejected;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.sint64()) === "object" ? value.low || value.high : value !== 0)
                                message.clockOffsetNs = value;
                            else
                                delete message.clockOffsetNs;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if (!(message.cameras && message.cameras.length))
                                message.cameras = [];
                            message.cameras.push($root.teleop.v1.CameraStatus.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.recordingEpisodeId = value;
                            else
                                delete message.recordingEpisodeId;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.control = $root.teleop.v1.ControlTiming.decode(reader, reader.size(), $undefined, _depth + 1, message.control);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RobotStatus message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.RobotStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.RobotStatus & teleop.v1.RobotStatus.$Shape} RobotStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RobotStatus.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RobotStatus message.
             * @function verify
             * @memberof teleop.v1.RobotStatus
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RobotStatus.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs"))
                    if (!$util.isInteger(message.timeNs) && !(message.timeNs && $util.isInteger(message.timeNs.low) && $util.isInteger(message.timeNs.high)))
                        return "timeNs: integer|Long expected";
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    if (typeof message.mode !== "number" || (message.mode | 0) !== message.mode)
                        return "mode: enum value expected";
                if (message.estop != null && $Object.hasOwnProperty.call(message, "estop"))
                    if (typeof message.estop !== "boolean")
                        return "estop: boolean expected";
                if (message.estopReason != null && $Object.hasOwnProperty.call(message, "estopReason"))
                    if (!$util.isString(message.estopReason))
                        return "estopReason: string expected";
                if (message.faults != null && $Object.hasOwnProperty.call(message, "faults")) {
                    if (!$Array.isArray(message.faults))
                        return "faults: array expected";
                    for (let i = 0; i < message.faults.length; ++i) {
                        let error = $root.teleop.v1.Fault.verify(message.faults[i], _depth + 1);
                        if (error)
                            return "faults." + error;
                    }
                }
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    if (!$util.isString(message.leaseId))
                        return "leaseId: string expected";
                if (message.commandsApplied != null && $Object.hasOwnProperty.call(message, "commandsApplied"))
                    if (!$util.isInteger(message.commandsApplied) && !(message.commandsApplied && $util.isInteger(message.commandsApplied.low) && $util.isInteger(message.commandsApplied.high)))
                        return "commandsApplied: integer|Long expected";
                if (message.commandsRejected != null && $Object.hasOwnProperty.call(message, "commandsRejected"))
                    if (!$util.isInteger(message.commandsRejected) && !(message.commandsRejected && $util.isInteger(message.commandsRejected.low) && $util.isInteger(message.commandsRejected.high)))
                        return "commandsRejected: integer|Long expected";
                if (message.clockOffsetNs != null && $Object.hasOwnProperty.call(message, "clockOffsetNs"))
                    if (!$util.isInteger(message.clockOffsetNs) && !(message.clockOffsetNs && $util.isInteger(message.clockOffsetNs.low) && $util.isInteger(message.clockOffsetNs.high)))
                        return "clockOffsetNs: integer|Long expected";
                if (message.cameras != null && $Object.hasOwnProperty.call(message, "cameras")) {
                    if (!$Array.isArray(message.cameras))
                        return "cameras: array expected";
                    for (let i = 0; i < message.cameras.length; ++i) {
                        let error = $root.teleop.v1.CameraStatus.verify(message.cameras[i], _depth + 1);
                        if (error)
                            return "cameras." + error;
                    }
                }
                if (message.recordingEpisodeId != null && $Object.hasOwnProperty.call(message, "recordingEpisodeId"))
                    if (!$util.isString(message.recordingEpisodeId))
                        return "recordingEpisodeId: string expected";
                if (message.control != null && $Object.hasOwnProperty.call(message, "control")) {
                    let error = $root.teleop.v1.ControlTiming.verify(message.control, _depth + 1);
                    if (error)
                        return "control." + error;
                }
                return null;
            };

            /**
             * Creates a RobotStatus message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.RobotStatus
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.RobotStatus} RobotStatus
             */
            RobotStatus.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.RobotStatus)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.RobotStatus: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.RobotStatus();
                if (object.timeNs != null)
                    if (typeof object.timeNs === "object" ? object.timeNs.low || object.timeNs.high : $Number(object.timeNs) !== 0)
                        if ($util.Long)
                            message.timeNs = $util.Long.fromValue(object.timeNs, true);
                        else if (typeof object.timeNs === "string")
                            message.timeNs = $parseInt(object.timeNs, 10);
                        else if (typeof object.timeNs === "number")
                            message.timeNs = object.timeNs;
                        else if (typeof object.timeNs === "object")
                            message.timeNs = new $util.LongBits(object.timeNs.low >>> 0, object.timeNs.high >>> 0).toNumber(true);
                if (object.mode !== 0 && (typeof object.mode !== "string" || $root.teleop.v1.RobotMode[object.mode] !== 0))
                    switch (object.mode) {
                    case "ROBOT_MODE_UNSPECIFIED":
                    case 0:
                        message.mode = 0;
                        break;
                    case "ROBOT_MODE_IDLE":
                    case 1:
                        message.mode = 1;
                        break;
                    case "ROBOT_MODE_TELEOP":
                    case 2:
                        message.mode = 2;
                        break;
                    case "ROBOT_MODE_HOLDING":
                    case 3:
                        message.mode = 3;
                        break;
                    case "ROBOT_MODE_ESTOPPED":
                    case 4:
                        message.mode = 4;
                        break;
                    case "ROBOT_MODE_FAULT":
                    case 5:
                        message.mode = 5;
                        break;
                    default:
                        if (typeof object.mode === "number" && (object.mode | 0) === object.mode)
                            message.mode = object.mode;
                    }
                if (object.estop != null)
                    if (object.estop)
                        message.estop = $Boolean(object.estop);
                if (object.estopReason != null)
                    if (typeof object.estopReason !== "string" || object.estopReason.length)
                        message.estopReason = $String(object.estopReason);
                if (object.faults) {
                    if (!$Array.isArray(object.faults))
                        throw $TypeError(".teleop.v1.RobotStatus.faults: array expected");
                    message.faults = $Array(object.faults.length);
                    for (let i = 0; i < object.faults.length; ++i) {
                        if (!$util.isObject(object.faults[i]))
                            throw $TypeError(".teleop.v1.RobotStatus.faults: object expected");
                        message.faults[i] = $root.teleop.v1.Fault.fromObject(object.faults[i], _depth + 1);
                    }
                }
                if (object.leaseId != null)
                    if (typeof object.leaseId !== "string" || object.leaseId.length)
                        message.leaseId = $String(object.leaseId);
                if (object.commandsApplied != null)
                    if (typeof object.commandsApplied === "object" ? object.commandsApplied.low || object.commandsApplied.high : $Number(object.commandsApplied) !== 0)
                        if ($util.Long)
                            message.commandsApplied = $util.Long.fromValue(object.commandsApplied, true);
                        else if (typeof object.commandsApplied === "string")
                            message.commandsApplied = $parseInt(object.commandsApplied, 10);
                        else if (typeof object.commandsApplied === "number")
                            message.commandsApplied = object.commandsApplied;
                        else if (typeof object.commandsApplied === "object")
                            message.commandsApplied = new $util.LongBits(object.commandsApplied.low >>> 0, object.commandsApplied.high >>> 0).toNumber(true);
                if (object.commandsRejected != null)
                    if (typeof object.commandsRejected === "object" ? object.commandsRejected.low || object.commandsRejected.high : $Number(object.commandsRejected) !== 0)
                        if ($util.Long)
                            message.commandsRejected = $util.Long.fromValue(object.commandsRejected, true);
                        else if (typeof object.commandsRejected === "string")
                            message.commandsRejected = $parseInt(object.commandsRejected, 10);
                        else if (typeof object.commandsRejected === "number")
                            message.commandsRejected = object.commandsRejected;
                        else if (typeof object.commandsRejected === "object")
                            message.commandsRejected = new $util.LongBits(object.commandsRejected.low >>> 0, object.commandsRejected.high >>> 0).toNumber(true);
                if (object.clockOffsetNs != null)
                    if (typeof object.clockOffsetNs === "object" ? object.clockOffsetNs.low || object.clockOffsetNs.high : $Number(object.clockOffsetNs) !== 0)
                        if ($util.Long)
                            message.clockOffsetNs = $util.Long.fromValue(object.clockOffsetNs, false);
                        else if (typeof object.clockOffsetNs === "string")
                            message.clockOffsetNs = $parseInt(object.clockOffsetNs, 10);
                        else if (typeof object.clockOffsetNs === "number")
                            message.clockOffsetNs = object.clockOffsetNs;
                        else if (typeof object.clockOffsetNs === "object")
                            message.clockOffsetNs = new $util.LongBits(object.clockOffsetNs.low >>> 0, object.clockOffsetNs.high >>> 0).toNumber();
                if (object.cameras) {
                    if (!$Array.isArray(object.cameras))
                        throw $TypeError(".teleop.v1.RobotStatus.cameras: array expected");
                    message.cameras = $Array(object.cameras.length);
                    for (let i = 0; i < object.cameras.length; ++i) {
                        if (!$util.isObject(object.cameras[i]))
                            throw $TypeError(".teleop.v1.RobotStatus.cameras: object expected");
                        message.cameras[i] = $root.teleop.v1.CameraStatus.fromObject(object.cameras[i], _depth + 1);
                    }
                }
                if (object.recordingEpisodeId != null)
                    if (typeof object.recordingEpisodeId !== "string" || object.recordingEpisodeId.length)
                        message.recordingEpisodeId = $String(object.recordingEpisodeId);
                if (object.control != null) {
                    if (!$util.isObject(object.control))
                        throw $TypeError(".teleop.v1.RobotStatus.control: object expected");
                    message.control = $root.teleop.v1.ControlTiming.fromObject(object.control, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a RobotStatus message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.RobotStatus
             * @static
             * @param {teleop.v1.RobotStatus} message RobotStatus
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RobotStatus.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.faults = [];
                    object.cameras = [];
                }
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.timeNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.mode = options.enums === $String ? "ROBOT_MODE_UNSPECIFIED" : 0;
                    object.estop = false;
                    object.estopReason = "";
                    object.leaseId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.commandsApplied = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.commandsApplied = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.commandsRejected = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.commandsRejected = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.clockOffsetNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.clockOffsetNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.recordingEpisodeId = "";
                    object.control = null;
                }
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeNs = typeof message.timeNs === "number" ? $BigInt(message.timeNs) : $util.Long.fromBits(message.timeNs.low >>> 0, message.timeNs.high >>> 0, true).toBigInt();
                    else if (typeof message.timeNs === "number")
                        object.timeNs = options.longs === $String ? $String(message.timeNs) : message.timeNs;
                    else
                        object.timeNs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeNs) : options.longs === $Number ? new $util.LongBits(message.timeNs.low >>> 0, message.timeNs.high >>> 0).toNumber(true) : message.timeNs;
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    object.mode = options.enums === $String ? $root.teleop.v1.RobotMode[message.mode] === $undefined ? message.mode : $root.teleop.v1.RobotMode[message.mode] : message.mode;
                if (message.estop != null && $Object.hasOwnProperty.call(message, "estop"))
                    object.estop = message.estop;
                if (message.estopReason != null && $Object.hasOwnProperty.call(message, "estopReason"))
                    object.estopReason = message.estopReason;
                if (message.faults && message.faults.length) {
                    object.faults = $Array(message.faults.length);
                    for (let j = 0; j < message.faults.length; ++j)
                        object.faults[j] = $root.teleop.v1.Fault.toObject(message.faults[j], options, _depth + 1);
                }
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    object.leaseId = message.leaseId;
                if (message.commandsApplied != null && $Object.hasOwnProperty.call(message, "commandsApplied"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.commandsApplied = typeof message.commandsApplied === "number" ? $BigInt(message.commandsApplied) : $util.Long.fromBits(message.commandsApplied.low >>> 0, message.commandsApplied.high >>> 0, true).toBigInt();
                    else if (typeof message.commandsApplied === "number")
                        object.commandsApplied = options.longs === $String ? $String(message.commandsApplied) : message.commandsApplied;
                    else
                        object.commandsApplied = options.longs === $String ? $util.Long.prototype.toString.call(message.commandsApplied) : options.longs === $Number ? new $util.LongBits(message.commandsApplied.low >>> 0, message.commandsApplied.high >>> 0).toNumber(true) : message.commandsApplied;
                if (message.commandsRejected != null && $Object.hasOwnProperty.call(message, "commandsRejected"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.commandsRejected = typeof message.commandsRejected === "number" ? $BigInt(message.commandsRejected) : $util.Long.fromBits(message.commandsRejected.low >>> 0, message.commandsRejected.high >>> 0, true).toBigInt();
                    else if (typeof message.commandsRejected === "number")
                        object.commandsRejected = options.longs === $String ? $String(message.commandsRejected) : message.commandsRejected;
                    else
                        object.commandsRejected = options.longs === $String ? $util.Long.prototype.toString.call(message.commandsRejected) : options.longs === $Number ? new $util.LongBits(message.commandsRejected.low >>> 0, message.commandsRejected.high >>> 0).toNumber(true) : message.commandsRejected;
                if (message.clockOffsetNs != null && $Object.hasOwnProperty.call(message, "clockOffsetNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.clockOffsetNs = typeof message.clockOffsetNs === "number" ? $BigInt(message.clockOffsetNs) : $util.Long.fromBits(message.clockOffsetNs.low >>> 0, message.clockOffsetNs.high >>> 0, false).toBigInt();
                    else if (typeof message.clockOffsetNs === "number")
                        object.clockOffsetNs = options.longs === $String ? $String(message.clockOffsetNs) : message.clockOffsetNs;
                    else
                        object.clockOffsetNs = options.longs === $String ? $util.Long.prototype.toString.call(message.clockOffsetNs) : options.longs === $Number ? new $util.LongBits(message.clockOffsetNs.low >>> 0, message.clockOffsetNs.high >>> 0).toNumber() : message.clockOffsetNs;
                if (message.cameras && message.cameras.length) {
                    object.cameras = $Array(message.cameras.length);
                    for (let j = 0; j < message.cameras.length; ++j)
                        object.cameras[j] = $root.teleop.v1.CameraStatus.toObject(message.cameras[j], options, _depth + 1);
                }
                if (message.recordingEpisodeId != null && $Object.hasOwnProperty.call(message, "recordingEpisodeId"))
                    object.recordingEpisodeId = message.recordingEpisodeId;
                if (message.control != null && $Object.hasOwnProperty.call(message, "control"))
                    object.control = $root.teleop.v1.ControlTiming.toObject(message.control, options, _depth + 1);
                return object;
            };

            /**
             * Converts this RobotStatus to JSON.
             * @function toJSON
             * @memberof teleop.v1.RobotStatus
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RobotStatus.prototype.toJSON = function() {
                return RobotStatus.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RobotStatus
             * @function getTypeUrl
             * @memberof teleop.v1.RobotStatus
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RobotStatus.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.RobotStatus";
            };

            return RobotStatus;
        })();

        v1.ControlTiming = (function() {

            /**
             * Properties of a ControlTiming.
             * @typedef {Object} teleop.v1.ControlTiming.$Properties
             * @property {Long|null} [steps] ControlTiming steps
             * @property {Long|null} [overruns] ControlTiming overruns
             * @property {number|null} [lateP50Ms] ControlTiming lateP50Ms
             * @property {number|null} [lateP99Ms] ControlTiming lateP99Ms
             * @property {number|null} [lateMaxMs] ControlTiming lateMaxMs
             * @property {number|null} [durationP99Ms] ControlTiming durationP99Ms
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ControlTiming.
             * @memberof teleop.v1
             * @interface IControlTiming
             * @augments teleop.v1.ControlTiming.$Properties
             * @deprecated Use teleop.v1.ControlTiming.$Properties instead.
             */

            /**
             * Shape of a ControlTiming.
             * @typedef {teleop.v1.ControlTiming.$Properties} teleop.v1.ControlTiming.$Shape
             */

            /**
             * Constructs a new ControlTiming.
             * @memberof teleop.v1
             * @classdesc Represents a ControlTiming.
             * @constructor
             * @param {teleop.v1.ControlTiming.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ControlTiming = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ControlTiming steps.
             * @member {Long} steps
             * @memberof teleop.v1.ControlTiming
             * @instance
             */
            ControlTiming.prototype.steps = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ControlTiming overruns.
             * @member {Long} overruns
             * @memberof teleop.v1.ControlTiming
             * @instance
             */
            ControlTiming.prototype.overruns = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ControlTiming lateP50Ms.
             * @member {number} lateP50Ms
             * @memberof teleop.v1.ControlTiming
             * @instance
             */
            ControlTiming.prototype.lateP50Ms = 0;

            /**
             * ControlTiming lateP99Ms.
             * @member {number} lateP99Ms
             * @memberof teleop.v1.ControlTiming
             * @instance
             */
            ControlTiming.prototype.lateP99Ms = 0;

            /**
             * ControlTiming lateMaxMs.
             * @member {number} lateMaxMs
             * @memberof teleop.v1.ControlTiming
             * @instance
             */
            ControlTiming.prototype.lateMaxMs = 0;

            /**
             * ControlTiming durationP99Ms.
             * @member {number} durationP99Ms
             * @memberof teleop.v1.ControlTiming
             * @instance
             */
            ControlTiming.prototype.durationP99Ms = 0;

            /**
             * Creates a new ControlTiming instance using the specified properties.
             * @function create
             * @memberof teleop.v1.ControlTiming
             * @static
             * @param {teleop.v1.ControlTiming.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.ControlTiming} ControlTiming instance
             * @type {{
             *   (properties: teleop.v1.ControlTiming.$Shape): teleop.v1.ControlTiming & teleop.v1.ControlTiming.$Shape;
             *   (properties?: teleop.v1.ControlTiming.$Properties): teleop.v1.ControlTiming;
             * }}
             */
            ControlTiming.create = function(properties) {
                return new ControlTiming(properties);
            };

            /**
             * Encodes the specified ControlTiming message. Does not implicitly {@link teleop.v1.ControlTiming.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.ControlTiming
             * @static
             * @param {teleop.v1.ControlTiming.$Properties} message ControlTiming message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ControlTiming.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.steps != null && $Object.hasOwnProperty.call(message, "steps") && (typeof message.steps === "object" ? message.steps.low || message.steps.high : message.steps !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.steps);
                if (message.overruns != null && $Object.hasOwnProperty.call(message, "overruns") && (typeof message.overruns === "object" ? message.overruns.low || message.overruns.high : message.overruns !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.overruns);
                if (message.lateP50Ms != null && $Object.hasOwnProperty.call(message, "lateP50Ms") && !$Object.is(message.lateP50Ms, 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.lateP50Ms);
                if (message.lateP99Ms != null && $Object.hasOwnProperty.call(message, "lateP99Ms") && !$Object.is(message.lateP99Ms, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.lateP99Ms);
                if (message.lateMaxMs != null && $Object.hasOwnProperty.call(message, "lateMaxMs") && !$Object.is(message.lateMaxMs, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.lateMaxMs);
                if (message.durationP99Ms != null && $Object.hasOwnProperty.call(message, "durationP99Ms") && !$Object.is(message.durationP99Ms, 0))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.durationP99Ms);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ControlTiming message, length delimited. Does not implicitly {@link teleop.v1.ControlTiming.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.ControlTiming
             * @static
             * @param {teleop.v1.ControlTiming.$Properties} message ControlTiming message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ControlTiming.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ControlTiming message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.ControlTiming
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.ControlTiming & teleop.v1.ControlTiming.$Shape} ControlTiming
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ControlTiming.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.ControlTiming();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.steps = value;
                            else
                                delete message.steps;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.overruns = value;
                            else
                                delete message.overruns;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.lateP50Ms = value;
                            else
                                delete message.lateP50Ms;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.lateP99Ms = value;
                            else
                                delete message.lateP99Ms;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.lateMaxMs = value;
                            else
                                delete message.lateMaxMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.durationP99Ms = value;
                            else
                                delete message.durationP99Ms;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ControlTiming message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.ControlTiming
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.ControlTiming & teleop.v1.ControlTiming.$Shape} ControlTiming
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ControlTiming.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ControlTiming message.
             * @function verify
             * @memberof teleop.v1.ControlTiming
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ControlTiming.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.steps != null && $Object.hasOwnProperty.call(message, "steps"))
                    if (!$util.isInteger(message.steps) && !(message.steps && $util.isInteger(message.steps.low) && $util.isInteger(message.steps.high)))
                        return "steps: integer|Long expected";
                if (message.overruns != null && $Object.hasOwnProperty.call(message, "overruns"))
                    if (!$util.isInteger(message.overruns) && !(message.overruns && $util.isInteger(message.overruns.low) && $util.isInteger(message.overruns.high)))
                        return "overruns: integer|Long expected";
                if (message.lateP50Ms != null && $Object.hasOwnProperty.call(message, "lateP50Ms"))
                    if (typeof message.lateP50Ms !== "number")
                        return "lateP50Ms: number expected";
                if (message.lateP99Ms != null && $Object.hasOwnProperty.call(message, "lateP99Ms"))
                    if (typeof message.lateP99Ms !== "number")
                        return "lateP99Ms: number expected";
                if (message.lateMaxMs != null && $Object.hasOwnProperty.call(message, "lateMaxMs"))
                    if (typeof message.lateMaxMs !== "number")
                        return "lateMaxMs: number expected";
                if (message.durationP99Ms != null && $Object.hasOwnProperty.call(message, "durationP99Ms"))
                    if (typeof message.durationP99Ms !== "number")
                        return "durationP99Ms: number expected";
                return null;
            };

            /**
             * Creates a ControlTiming message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.ControlTiming
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.ControlTiming} ControlTiming
             */
            ControlTiming.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.ControlTiming)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.ControlTiming: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.ControlTiming();
                if (object.steps != null)
                    if (typeof object.steps === "object" ? object.steps.low || object.steps.high : $Number(object.steps) !== 0)
                        if ($util.Long)
                            message.steps = $util.Long.fromValue(object.steps, true);
                        else if (typeof object.steps === "string")
                            message.steps = $parseInt(object.steps, 10);
                        else if (typeof object.steps === "number")
                            message.steps = object.steps;
                        else if (typeof object.steps === "object")
                            message.steps = new $util.LongBits(object.steps.low >>> 0, object.steps.high >>> 0).toNumber(true);
                if (object.overruns != null)
                    if (typeof object.overruns === "object" ? object.overruns.low || object.overruns.high : $Number(object.overruns) !== 0)
                        if ($util.Long)
                            message.overruns = $util.Long.fromValue(object.overruns, true);
                        else if (typeof object.overruns === "string")
                            message.overruns = $parseInt(object.overruns, 10);
                        else if (typeof object.overruns === "number")
                            message.overruns = object.overruns;
                        else if (typeof object.overruns === "object")
                            message.overruns = new $util.LongBits(object.overruns.low >>> 0, object.overruns.high >>> 0).toNumber(true);
                if (object.lateP50Ms != null)
                    if (!$Object.is($Number(object.lateP50Ms), 0))
                        message.lateP50Ms = $Number(object.lateP50Ms);
                if (object.lateP99Ms != null)
                    if (!$Object.is($Number(object.lateP99Ms), 0))
                        message.lateP99Ms = $Number(object.lateP99Ms);
                if (object.lateMaxMs != null)
                    if (!$Object.is($Number(object.lateMaxMs), 0))
                        message.lateMaxMs = $Number(object.lateMaxMs);
                if (object.durationP99Ms != null)
                    if (!$Object.is($Number(object.durationP99Ms), 0))
                        message.durationP99Ms = $Number(object.durationP99Ms);
                return message;
            };

            /**
             * Creates a plain object from a ControlTiming message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.ControlTiming
             * @static
             * @param {teleop.v1.ControlTiming} message ControlTiming
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ControlTiming.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.steps = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.steps = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.overruns = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.overruns = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.lateP50Ms = 0;
                    object.lateP99Ms = 0;
                    object.lateMaxMs = 0;
                    object.durationP99Ms = 0;
                }
                if (message.steps != null && $Object.hasOwnProperty.call(message, "steps"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.steps = typeof message.steps === "number" ? $BigInt(message.steps) : $util.Long.fromBits(message.steps.low >>> 0, message.steps.high >>> 0, true).toBigInt();
                    else if (typeof message.steps === "number")
                        object.steps = options.longs === $String ? $String(message.steps) : message.steps;
                    else
                        object.steps = options.longs === $String ? $util.Long.prototype.toString.call(message.steps) : options.longs === $Number ? new $util.LongBits(message.steps.low >>> 0, message.steps.high >>> 0).toNumber(true) : message.steps;
                if (message.overruns != null && $Object.hasOwnProperty.call(message, "overruns"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.overruns = typeof message.overruns === "number" ? $BigInt(message.overruns) : $util.Long.fromBits(message.overruns.low >>> 0, message.overruns.high >>> 0, true).toBigInt();
                    else if (typeof message.overruns === "number")
                        object.overruns = options.longs === $String ? $String(message.overruns) : message.overruns;
                    else
                        object.overruns = options.longs === $String ? $util.Long.prototype.toString.call(message.overruns) : options.longs === $Number ? new $util.LongBits(message.overruns.low >>> 0, message.overruns.high >>> 0).toNumber(true) : message.overruns;
                if (message.lateP50Ms != null && $Object.hasOwnProperty.call(message, "lateP50Ms"))
                    object.lateP50Ms = options.json && !$isFinite(message.lateP50Ms) ? $String(message.lateP50Ms) : message.lateP50Ms;
                if (message.lateP99Ms != null && $Object.hasOwnProperty.call(message, "lateP99Ms"))
                    object.lateP99Ms = options.json && !$isFinite(message.lateP99Ms) ? $String(message.lateP99Ms) : message.lateP99Ms;
                if (message.lateMaxMs != null && $Object.hasOwnProperty.call(message, "lateMaxMs"))
                    object.lateMaxMs = options.json && !$isFinite(message.lateMaxMs) ? $String(message.lateMaxMs) : message.lateMaxMs;
                if (message.durationP99Ms != null && $Object.hasOwnProperty.call(message, "durationP99Ms"))
                    object.durationP99Ms = options.json && !$isFinite(message.durationP99Ms) ? $String(message.durationP99Ms) : message.durationP99Ms;
                return object;
            };

            /**
             * Converts this ControlTiming to JSON.
             * @function toJSON
             * @memberof teleop.v1.ControlTiming
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ControlTiming.prototype.toJSON = function() {
                return ControlTiming.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ControlTiming
             * @function getTypeUrl
             * @memberof teleop.v1.ControlTiming
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ControlTiming.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.ControlTiming";
            };

            return ControlTiming;
        })();

        v1.CameraStatus = (function() {

            /**
             * Properties of a CameraStatus.
             * @typedef {Object} teleop.v1.CameraStatus.$Properties
             * @property {string|null} [name] CameraStatus name
             * @property {Long|null} [framesCaptured] CameraStatus framesCaptured
             * @property {Long|null} [framesSkipped] CameraStatus framesSkipped
             * @property {number|null} [encoderRestarts] CameraStatus encoderRestarts
             * @property {number|null} [keyframesForced] CameraStatus keyframesForced
             * @property {number|null} [encodeLatencyP50Ms] CameraStatus encodeLatencyP50Ms
             * @property {number|null} [encodeLatencyP95Ms] CameraStatus encodeLatencyP95Ms
             * @property {string|null} [fault] CameraStatus fault
             * @property {Long|null} [recordingFrames] CameraStatus recordingFrames
             * @property {Long|null} [recordingDroppedFrames] CameraStatus recordingDroppedFrames
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CameraStatus.
             * @memberof teleop.v1
             * @interface ICameraStatus
             * @augments teleop.v1.CameraStatus.$Properties
             * @deprecated Use teleop.v1.CameraStatus.$Properties instead.
             */

            /**
             * Shape of a CameraStatus.
             * @typedef {teleop.v1.CameraStatus.$Properties} teleop.v1.CameraStatus.$Shape
             */

            /**
             * Constructs a new CameraStatus.
             * @memberof teleop.v1
             * @classdesc Represents a CameraStatus.
             * @constructor
             * @param {teleop.v1.CameraStatus.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CameraStatus = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CameraStatus name.
             * @member {string} name
             * @memberof teleop.v1.CameraStatus
             * @instance
             */
            CameraStatus.prototype.name = "";

            /**
             * CameraStatus framesCaptured.
             * @member {Long} framesCaptured
             * @memberof teleop.v1.CameraStatus
             * @instance
             */
            CameraStatus.prototype.framesCaptured = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CameraStatus framesSkipped.
             * @member {Long} framesSkipped
             * @memberof teleop.v1.CameraStatus
             * @instance
             */
            CameraStatus.prototype.framesSkipped = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CameraStatus encoderRestarts.
             * @member {number} encoderRestarts
             * @memberof teleop.v1.CameraStatus
             * @instance
             */
            CameraStatus.prototype.encoderRestarts = 0;

            /**
             * CameraStatus keyframesForced.
             * @member {number} keyframesForced
             * @memberof teleop.v1.CameraStatus
             * @instance
             */
            CameraStatus.prototype.keyframesForced = 0;

            /**
             * CameraStatus encodeLatencyP50Ms.
             * @member {number} encodeLatencyP50Ms
             * @memberof teleop.v1.CameraStatus
             * @instance
             */
            CameraStatus.prototype.encodeLatencyP50Ms = 0;

            /**
             * CameraStatus encodeLatencyP95Ms.
             * @member {number} encodeLatencyP95Ms
             * @memberof teleop.v1.CameraStatus
             * @instance
             */
            CameraStatus.prototype.encodeLatencyP95Ms = 0;

            /**
             * CameraStatus fault.
             * @member {string} fault
             * @memberof teleop.v1.CameraStatus
             * @instance
             */
            CameraStatus.prototype.fault = "";

            /**
             * CameraStatus recordingFrames.
             * @member {Long} recordingFrames
             * @memberof teleop.v1.CameraStatus
             * @instance
             */
            CameraStatus.prototype.recordingFrames = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CameraStatus recordingDroppedFrames.
             * @member {Long} recordingDroppedFrames
             * @memberof teleop.v1.CameraStatus
             * @instance
             */
            CameraStatus.prototype.recordingDroppedFrames = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new CameraStatus instance using the specified properties.
             * @function create
             * @memberof teleop.v1.CameraStatus
             * @static
             * @param {teleop.v1.CameraStatus.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.CameraStatus} CameraStatus instance
             * @type {{
             *   (properties: teleop.v1.CameraStatus.$Shape): teleop.v1.CameraStatus & teleop.v1.CameraStatus.$Shape;
             *   (properties?: teleop.v1.CameraStatus.$Properties): teleop.v1.CameraStatus;
             * }}
             */
            CameraStatus.create = function(properties) {
                return new CameraStatus(properties);
            };

            /**
             * Encodes the specified CameraStatus message. Does not implicitly {@link teleop.v1.CameraStatus.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.CameraStatus
             * @static
             * @param {teleop.v1.CameraStatus.$Properties} message CameraStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CameraStatus.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.framesCaptured != null && $Object.hasOwnProperty.call(message, "framesCaptured") && (typeof message.framesCaptured === "object" ? message.framesCaptured.low || message.framesCaptured.high : message.framesCaptured !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.framesCaptured);
                if (message.framesSkipped != null && $Object.hasOwnProperty.call(message, "framesSkipped") && (typeof message.framesSkipped === "object" ? message.framesSkipped.low || message.framesSkipped.high : message.framesSkipped !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.framesSkipped);
                if (message.encoderRestarts != null && $Object.hasOwnProperty.call(message, "encoderRestarts") && message.encoderRestarts !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.encoderRestarts);
                if (message.keyframesForced != null && $Object.hasOwnProperty.call(message, "keyframesForced") && message.keyframesForced !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.keyframesForced);
                if (message.encodeLatencyP50Ms != null && $Object.hasOwnProperty.call(message, "encodeLatencyP50Ms") && !$Object.is(message.encodeLatencyP50Ms, 0))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.encodeLatencyP50Ms);
                if (message.encodeLatencyP95Ms != null && $Object.hasOwnProperty.call(message, "encodeLatencyP95Ms") && !$Object.is(message.encodeLatencyP95Ms, 0))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.encodeLatencyP95Ms);
                if (message.fault != null && $Object.hasOwnProperty.call(message, "fault") && message.fault !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.fault);
                if (message.recordingFrames != null && $Object.hasOwnProperty.call(message, "recordingFrames") && (typeof message.recordingFrames === "object" ? message.recordingFrames.low || message.recordingFrames.high : message.recordingFrames !== 0))
                    writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.recordingFrames);
                if (message.recordingDroppedFrames != null && $Object.hasOwnProperty.call(message, "recordingDroppedFrames") && (typeof message.recordingDroppedFrames === "object" ? message.recordingDroppedFrames.low || message.recordingDroppedFrames.high : message.recordingDroppedFrames !== 0))
                    writer.uint32(/* id 10, wireType 0 =*/80).uint64(message.recordingDroppedFrames);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified CameraStatus message, length delimited. Does not implicitly {@link teleop.v1.CameraStatus.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.CameraStatus
             * @static
             * @param {teleop.v1.CameraStatus.$Properties} message CameraStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CameraStatus.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a CameraStatus message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.CameraStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.CameraStatus & teleop.v1.CameraStatus.$Shape} CameraStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CameraStatus.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.CameraStatus();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.framesCaptured = value;
                            else
                                delete message.framesCaptured;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.framesSkipped = value;
                            else
                                delete message.framesSkipped;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.encoderRestarts = value;
                            else
                                delete message.encoderRestarts;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.keyframesForced = value;
                            else
                                delete message.keyframesForced;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.encodeLatencyP50Ms = value;
                            else
                                delete message.encodeLatencyP50Ms;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.encodeLatencyP95Ms = value;
                            else
                                delete message.encodeLatencyP95Ms;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.fault = value;
                            else
                                delete message.fault;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.recordingFrames = value;
                            else
                                delete message.recordingFrames;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.recordingDroppedFrames = value;
                            else
                                delete message.recordingDroppedFrames;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a CameraStatus message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.CameraStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.CameraStatus & teleop.v1.CameraStatus.$Shape} CameraStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CameraStatus.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a CameraStatus message.
             * @function verify
             * @memberof teleop.v1.CameraStatus
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CameraStatus.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.framesCaptured != null && $Object.hasOwnProperty.call(message, "framesCaptured"))
                    if (!$util.isInteger(message.framesCaptured) && !(message.framesCaptured && $util.isInteger(message.framesCaptured.low) && $util.isInteger(message.framesCaptured.high)))
                        return "framesCaptured: integer|Long expected";
                if (message.framesSkipped != null && $Object.hasOwnProperty.call(message, "framesSkipped"))
                    if (!$util.isInteger(message.framesSkipped) && !(message.framesSkipped && $util.isInteger(message.framesSkipped.low) && $util.isInteger(message.framesSkipped.high)))
                        return "framesSkipped: integer|Long expected";
                if (message.encoderRestarts != null && $Object.hasOwnProperty.call(message, "encoderRestarts"))
                    if (!$util.isInteger(message.encoderRestarts))
                        return "encoderRestarts: integer expected";
                if (message.keyframesForced != null && $Object.hasOwnProperty.call(message, "keyframesForced"))
                    if (!$util.isInteger(message.keyframesForced))
                        return "keyframesForced: integer expected";
                if (message.encodeLatencyP50Ms != null && $Object.hasOwnProperty.call(message, "encodeLatencyP50Ms"))
                    if (typeof message.encodeLatencyP50Ms !== "number")
                        return "encodeLatencyP50Ms: number expected";
                if (message.encodeLatencyP95Ms != null && $Object.hasOwnProperty.call(message, "encodeLatencyP95Ms"))
                    if (typeof message.encodeLatencyP95Ms !== "number")
                        return "encodeLatencyP95Ms: number expected";
                if (message.fault != null && $Object.hasOwnProperty.call(message, "fault"))
                    if (!$util.isString(message.fault))
                        return "fault: string expected";
                if (message.recordingFrames != null && $Object.hasOwnProperty.call(message, "recordingFrames"))
                    if (!$util.isInteger(message.recordingFrames) && !(message.recordingFrames && $util.isInteger(message.recordingFrames.low) && $util.isInteger(message.recordingFrames.high)))
                        return "recordingFrames: integer|Long expected";
                if (message.recordingDroppedFrames != null && $Object.hasOwnProperty.call(message, "recordingDroppedFrames"))
                    if (!$util.isInteger(message.recordingDroppedFrames) && !(message.recordingDroppedFrames && $util.isInteger(message.recordingDroppedFrames.low) && $util.isInteger(message.recordingDroppedFrames.high)))
                        return "recordingDroppedFrames: integer|Long expected";
                return null;
            };

            /**
             * Creates a CameraStatus message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.CameraStatus
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.CameraStatus} CameraStatus
             */
            CameraStatus.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.CameraStatus)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.CameraStatus: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.CameraStatus();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.framesCaptured != null)
                    if (typeof object.framesCaptured === "object" ? object.framesCaptured.low || object.framesCaptured.high : $Number(object.framesCaptured) !== 0)
                        if ($util.Long)
                            message.framesCaptured = $util.Long.fromValue(object.framesCaptured, true);
                        else if (typeof object.framesCaptured === "string")
                            message.framesCaptured = $parseInt(object.framesCaptured, 10);
                        else if (typeof object.framesCaptured === "number")
                            message.framesCaptured = object.framesCaptured;
                        else if (typeof object.framesCaptured === "object")
                            message.framesCaptured = new $util.LongBits(object.framesCaptured.low >>> 0, object.framesCaptured.high >>> 0).toNumber(true);
                if (object.framesSkipped != null)
                    if (typeof object.framesSkipped === "object" ? object.framesSkipped.low || object.framesSkipped.high : $Number(object.framesSkipped) !== 0)
                        if ($util.Long)
                            message.framesSkipped = $util.Long.fromValue(object.framesSkipped, true);
                        else if (typeof object.framesSkipped === "string")
                            message.framesSkipped = $parseInt(object.framesSkipped, 10);
                        else if (typeof object.framesSkipped === "number")
                            message.framesSkipped = object.framesSkipped;
                        else if (typeof object.framesSkipped === "object")
                            message.framesSkipped = new $util.LongBits(object.framesSkipped.low >>> 0, object.framesSkipped.high >>> 0).toNumber(true);
                if (object.encoderRestarts != null)
                    if ($Number(object.encoderRestarts) !== 0)
                        message.encoderRestarts = object.encoderRestarts >>> 0;
                if (object.keyframesForced != null)
                    if ($Number(object.keyframesForced) !== 0)
                        message.keyframesForced = object.keyframesForced >>> 0;
                if (object.encodeLatencyP50Ms != null)
                    if (!$Object.is($Number(object.encodeLatencyP50Ms), 0))
                        message.encodeLatencyP50Ms = $Number(object.encodeLatencyP50Ms);
                if (object.encodeLatencyP95Ms != null)
                    if (!$Object.is($Number(object.encodeLatencyP95Ms), 0))
                        message.encodeLatencyP95Ms = $Number(object.encodeLatencyP95Ms);
                if (object.fault != null)
                    if (typeof object.fault !== "string" || object.fault.length)
                        message.fault = $String(object.fault);
                if (object.recordingFrames != null)
                    if (typeof object.recordingFrames === "object" ? object.recordingFrames.low || object.recordingFrames.high : $Number(object.recordingFrames) !== 0)
                        if ($util.Long)
                            message.recordingFrames = $util.Long.fromValue(object.recordingFrames, true);
                        else if (typeof object.recordingFrames === "string")
                            message.recordingFrames = $parseInt(object.recordingFrames, 10);
                        else if (typeof object.recordingFrames === "number")
                            message.recordingFrames = object.recordingFrames;
                        else if (typeof object.recordingFrames === "object")
                            message.recordingFrames = new $util.LongBits(object.recordingFrames.low >>> 0, object.recordingFrames.high >>> 0).toNumber(true);
                if (object.recordingDroppedFrames != null)
                    if (typeof object.recordingDroppedFrames === "object" ? object.recordingDroppedFrames.low || object.recordingDroppedFrames.high : $Number(object.recordingDroppedFrames) !== 0)
                        if ($util.Long)
                            message.recordingDroppedFrames = $util.Long.fromValue(object.recordingDroppedFrames, true);
                        else if (typeof object.recordingDroppedFrames === "string")
                            message.recordingDroppedFrames = $parseInt(object.recordingDroppedFrames, 10);
                        else if (typeof object.recordingDroppedFrames === "number")
                            message.recordingDroppedFrames = object.recordingDroppedFrames;
                        else if (typeof object.recordingDroppedFrames === "object")
                            message.recordingDroppedFrames = new $util.LongBits(object.recordingDroppedFrames.low >>> 0, object.recordingDroppedFrames.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a CameraStatus message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.CameraStatus
             * @static
             * @param {teleop.v1.CameraStatus} message CameraStatus
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CameraStatus.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.name = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.framesCaptured = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.framesCaptured = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.framesSkipped = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.framesSkipped = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.encoderRestarts = 0;
                    object.keyframesForced = 0;
                    object.encodeLatencyP50Ms = 0;
                    object.encodeLatencyP95Ms = 0;
                    object.fault = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.recordingFrames = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.recordingFrames = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.recordingDroppedFrames = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.recordingDroppedFrames = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.framesCaptured != null && $Object.hasOwnProperty.call(message, "framesCaptured"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.framesCaptured = typeof message.framesCaptured === "number" ? $BigInt(message.framesCaptured) : $util.Long.fromBits(message.framesCaptured.low >>> 0, message.framesCaptured.high >>> 0, true).toBigInt();
                    else if (typeof message.framesCaptured === "number")
                        object.framesCaptured = options.longs === $String ? $String(message.framesCaptured) : message.framesCaptured;
                    else
                        object.framesCaptured = options.longs === $String ? $util.Long.prototype.toString.call(message.framesCaptured) : options.longs === $Number ? new $util.LongBits(message.framesCaptured.low >>> 0, message.framesCaptured.high >>> 0).toNumber(true) : message.framesCaptured;
                if (message.framesSkipped != null && $Object.hasOwnProperty.call(message, "framesSkipped"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.framesSkipped = typeof message.framesSkipped === "number" ? $BigInt(message.framesSkipped) : $util.Long.fromBits(message.framesSkipped.low >>> 0, message.framesSkipped.high >>> 0, true).toBigInt();
                    else if (typeof message.framesSkipped === "number")
                        object.framesSkipped = options.longs === $String ? $String(message.framesSkipped) : message.framesSkipped;
                    else
                        object.framesSkipped = options.longs === $String ? $util.Long.prototype.toString.call(message.framesSkipped) : options.longs === $Number ? new $util.LongBits(message.framesSkipped.low >>> 0, message.framesSkipped.high >>> 0).toNumber(true) : message.framesSkipped;
                if (message.encoderRestarts != null && $Object.hasOwnProperty.call(message, "encoderRestarts"))
                    object.encoderRestarts = message.encoderRestarts;
                if (message.keyframesForced != null && $Object.hasOwnProperty.call(message, "keyframesForced"))
                    object.keyframesForced = message.keyframesForced;
                if (message.encodeLatencyP50Ms != null && $Object.hasOwnProperty.call(message, "encodeLatencyP50Ms"))
                    object.encodeLatencyP50Ms = options.json && !$isFinite(message.encodeLatencyP50Ms) ? $String(message.encodeLatencyP50Ms) : message.encodeLatencyP50Ms;
                if (message.encodeLatencyP95Ms != null && $Object.hasOwnProperty.call(message, "encodeLatencyP95Ms"))
                    object.encodeLatencyP95Ms = options.json && !$isFinite(message.encodeLatencyP95Ms) ? $String(message.encodeLatencyP95Ms) : message.encodeLatencyP95Ms;
                if (message.fault != null && $Object.hasOwnProperty.call(message, "fault"))
                    object.fault = message.fault;
                if (message.recordingFrames != null && $Object.hasOwnProperty.call(message, "recordingFrames"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.recordingFrames = typeof message.recordingFrames === "number" ? $BigInt(message.recordingFrames) : $util.Long.fromBits(message.recordingFrames.low >>> 0, message.recordingFrames.high >>> 0, true).toBigInt();
                    else if (typeof message.recordingFrames === "number")
                        object.recordingFrames = options.longs === $String ? $String(message.recordingFrames) : message.recordingFrames;
                    else
                        object.recordingFrames = options.longs === $String ? $util.Long.prototype.toString.call(message.recordingFrames) : options.longs === $Number ? new $util.LongBits(message.recordingFrames.low >>> 0, message.recordingFrames.high >>> 0).toNumber(true) : message.recordingFrames;
                if (message.recordingDroppedFrames != null && $Object.hasOwnProperty.call(message, "recordingDroppedFrames"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.recordingDroppedFrames = typeof message.recordingDroppedFrames === "number" ? $BigInt(message.recordingDroppedFrames) : $util.Long.fromBits(message.recordingDroppedFrames.low >>> 0, message.recordingDroppedFrames.high >>> 0, true).toBigInt();
                    else if (typeof message.recordingDroppedFrames === "number")
                        object.recordingDroppedFrames = options.longs === $String ? $String(message.recordingDroppedFrames) : message.recordingDroppedFrames;
                    else
                        object.recordingDroppedFrames = options.longs === $String ? $util.Long.prototype.toString.call(message.recordingDroppedFrames) : options.longs === $Number ? new $util.LongBits(message.recordingDroppedFrames.low >>> 0, message.recordingDroppedFrames.high >>> 0).toNumber(true) : message.recordingDroppedFrames;
                return object;
            };

            /**
             * Converts this CameraStatus to JSON.
             * @function toJSON
             * @memberof teleop.v1.CameraStatus
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CameraStatus.prototype.toJSON = function() {
                return CameraStatus.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for CameraStatus
             * @function getTypeUrl
             * @memberof teleop.v1.CameraStatus
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CameraStatus.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.CameraStatus";
            };

            return CameraStatus;
        })();

        v1.RobotEvent = (function() {

            /**
             * Properties of a RobotEvent.
             * @typedef {Object} teleop.v1.RobotEvent.$Properties
             * @property {Long|null} [timeNs] RobotEvent timeNs
             * @property {teleop.v1.RobotEvent.Kind|null} [kind] RobotEvent kind
             * @property {string|null} [message] RobotEvent message
             * @property {string|null} [leaseId] RobotEvent leaseId
             * @property {Long|null} [sequence] RobotEvent sequence
             * @property {string|null} [reason] RobotEvent reason
             * @property {string|null} [estopId] RobotEvent estopId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RobotEvent.
             * @memberof teleop.v1
             * @interface IRobotEvent
             * @augments teleop.v1.RobotEvent.$Properties
             * @deprecated Use teleop.v1.RobotEvent.$Properties instead.
             */

            /**
             * Shape of a RobotEvent.
             * @typedef {teleop.v1.RobotEvent.$Properties} teleop.v1.RobotEvent.$Shape
             */

            /**
             * Constructs a new RobotEvent.
             * @memberof teleop.v1
             * @classdesc Represents a RobotEvent.
             * @constructor
             * @param {teleop.v1.RobotEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RobotEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RobotEvent timeNs.
             * @member {Long} timeNs
             * @memberof teleop.v1.RobotEvent
             * @instance
             */
            RobotEvent.prototype.timeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RobotEvent kind.
             * @member {teleop.v1.RobotEvent.Kind} kind
             * @memberof teleop.v1.RobotEvent
             * @instance
             */
            RobotEvent.prototype.kind = 0;

            /**
             * RobotEvent message.
             * @member {string} message
             * @memberof teleop.v1.RobotEvent
             * @instance
             */
            RobotEvent.prototype.message = "";

            /**
             * RobotEvent leaseId.
             * @member {string} leaseId
             * @memberof teleop.v1.RobotEvent
             * @instance
             */
            RobotEvent.prototype.leaseId = "";

            /**
             * RobotEvent sequence.
             * @member {Long} sequence
             * @memberof teleop.v1.RobotEvent
             * @instance
             */
            RobotEvent.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RobotEvent reason.
             * @member {string} reason
             * @memberof teleop.v1.RobotEvent
             * @instance
             */
            RobotEvent.prototype.reason = "";

            /**
             * RobotEvent estopId.
             * @member {string} estopId
             * @memberof teleop.v1.RobotEvent
             * @instance
             */
            RobotEvent.prototype.estopId = "";

            /**
             * Creates a new RobotEvent instance using the specified properties.
             * @function create
             * @memberof teleop.v1.RobotEvent
             * @static
             * @param {teleop.v1.RobotEvent.$Properties=} [properties] Properties to set
             * @returns {teleop.v1.RobotEvent} RobotEvent instance
             * @type {{
             *   (properties: teleop.v1.RobotEvent.$Shape): teleop.v1.RobotEvent & teleop.v1.RobotEvent.$Shape;
             *   (properties?: teleop.v1.RobotEvent.$Properties): teleop.v1.RobotEvent;
             * }}
             */
            RobotEvent.create = function(properties) {
                return new RobotEvent(properties);
            };

            /**
             * Encodes the specified RobotEvent message. Does not implicitly {@link teleop.v1.RobotEvent.verify|verify} messages.
             * @function encode
             * @memberof teleop.v1.RobotEvent
             * @static
             * @param {teleop.v1.RobotEvent.$Properties} message RobotEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RobotEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs") && (typeof message.timeNs === "object" ? message.timeNs.low || message.timeNs.high : message.timeNs !== 0))
                    writer.uint32(/* id 1, wireType 1 =*/9).fixed64(message.timeNs);
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.kind);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.message);
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId") && message.leaseId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.leaseId);
                if (message.sequence != null && $Object.hasOwnProperty.call(message, "sequence") && (typeof message.sequence === "object" ? message.sequence.low || message.sequence.high : message.sequence !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.sequence);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.reason);
                if (message.estopId != null && $Object.hasOwnProperty.call(message, "estopId") && message.estopId !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.estopId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RobotEvent message, length delimited. Does not implicitly {@link teleop.v1.RobotEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof teleop.v1.RobotEvent
             * @static
             * @param {teleop.v1.RobotEvent.$Properties} message RobotEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RobotEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RobotEvent message from the specified reader or buffer.
             * @function decode
             * @memberof teleop.v1.RobotEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {teleop.v1.RobotEvent & teleop.v1.RobotEvent.$Shape} RobotEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RobotEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.teleop.v1.RobotEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 1)
                                break;
                            if (typeof (value = reader.fixed64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeNs = value;
                            else
                                delete message.timeNs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.leaseId = value;
                            else
                                delete message.leaseId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sequence = value;
                            else
                                delete message.sequence;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.estopId = value;
                            else
                                delete message.estopId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RobotEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof teleop.v1.RobotEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {teleop.v1.RobotEvent & teleop.v1.RobotEvent.$Shape} RobotEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RobotEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RobotEvent message.
             * @function verify
             * @memberof teleop.v1.RobotEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RobotEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs"))
                    if (!$util.isInteger(message.timeNs) && !(message.timeNs && $util.isInteger(message.timeNs.low) && $util.isInteger(message.timeNs.high)))
                        return "timeNs: integer|Long expected";
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    if (typeof message.kind !== "number" || (message.kind | 0) !== message.kind)
                        return "kind: enum value expected";
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    if (!$util.isString(message.message))
                        return "message: string expected";
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    if (!$util.isString(message.leaseId))
                        return "leaseId: string expected";
                if (message.sequence != null && $Object.hasOwnProperty.call(message, "sequence"))
                    if (!$util.isInteger(message.sequence) && !(message.sequence && $util.isInteger(message.sequence.low) && $util.isInteger(message.sequence.high)))
                        return "sequence: integer|Long expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                if (message.estopId != null && $Object.hasOwnProperty.call(message, "estopId"))
                    if (!$util.isString(message.estopId))
                        return "estopId: string expected";
                return null;
            };

            /**
             * Creates a RobotEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof teleop.v1.RobotEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {teleop.v1.RobotEvent} RobotEvent
             */
            RobotEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.teleop.v1.RobotEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".teleop.v1.RobotEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.teleop.v1.RobotEvent();
                if (object.timeNs != null)
                    if (typeof object.timeNs === "object" ? object.timeNs.low || object.timeNs.high : $Number(object.timeNs) !== 0)
                        if ($util.Long)
                            message.timeNs = $util.Long.fromValue(object.timeNs, true);
                        else if (typeof object.timeNs === "string")
                            message.timeNs = $parseInt(object.timeNs, 10);
                        else if (typeof object.timeNs === "number")
                            message.timeNs = object.timeNs;
                        else if (typeof object.timeNs === "object")
                            message.timeNs = new $util.LongBits(object.timeNs.low >>> 0, object.timeNs.high >>> 0).toNumber(true);
                if (object.kind !== 0 && (typeof object.kind !== "string" || $root.teleop.v1.RobotEvent.Kind[object.kind] !== 0))
                    switch (object.kind) {
                    case "KIND_UNSPECIFIED":
                    case 0:
                        message.kind = 0;
                        break;
                    case "KIND_COMMAND_REJECTED":
                    case 1:
                        message.kind = 1;
                        break;
                    case "KIND_WATCHDOG_HOLD":
                    case 2:
                        message.kind = 2;
                        break;
                    case "KIND_ESTOP_ENGAGED":
                    case 3:
                        message.kind = 3;
                        break;
                    case "KIND_ESTOP_RESET":
                    case 4:
                        message.kind = 4;
                        break;
                    case "KIND_FAULT":
                    case 5:
                        message.kind = 5;
                        break;
                    case "KIND_LEASE_APPLIED":
                    case 6:
                        message.kind = 6;
                        break;
                    case "KIND_RECORDING_LOSS":
                    case 7:
                        message.kind = 7;
                        break;
                    default:
                        if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                            message.kind = object.kind;
                    }
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                if (object.leaseId != null)
                    if (typeof object.leaseId !== "string" || object.leaseId.length)
                        message.leaseId = $String(object.leaseId);
                if (object.sequence != null)
                    if (typeof object.sequence === "object" ? object.sequence.low || object.sequence.high : $Number(object.sequence) !== 0)
                        if ($util.Long)
                            message.sequence = $util.Long.fromValue(object.sequence, true);
                        else if (typeof object.sequence === "string")
                            message.sequence = $parseInt(object.sequence, 10);
                        else if (typeof object.sequence === "number")
                            message.sequence = object.sequence;
                        else if (typeof object.sequence === "object")
                            message.sequence = new $util.LongBits(object.sequence.low >>> 0, object.sequence.high >>> 0).toNumber(true);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.estopId != null)
                    if (typeof object.estopId !== "string" || object.estopId.length)
                        message.estopId = $String(object.estopId);
                return message;
            };

            /**
             * Creates a plain object from a RobotEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof teleop.v1.RobotEvent
             * @static
             * @param {teleop.v1.RobotEvent} message RobotEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RobotEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.timeNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.kind = options.enums === $String ? "KIND_UNSPECIFIED" : 0;
                    object.message = "";
                    object.leaseId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sequence = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sequence = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.reason = "";
                    object.estopId = "";
                }
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeNs = typeof message.timeNs === "number" ? $BigInt(message.timeNs) : $util.Long.fromBits(message.timeNs.low >>> 0, message.timeNs.high >>> 0, true).toBigInt();
                    else if (typeof message.timeNs === "number")
                        object.timeNs = options.longs === $String ? $String(message.timeNs) : message.timeNs;
                    else
                        object.timeNs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeNs) : options.longs === $Number ? new $util.LongBits(message.timeNs.low >>> 0, message.timeNs.high >>> 0).toNumber(true) : message.timeNs;
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    object.kind = options.enums === $String ? $root.teleop.v1.RobotEvent.Kind[message.kind] === $undefined ? message.kind : $root.teleop.v1.RobotEvent.Kind[message.kind] : message.kind;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.leaseId != null && $Object.hasOwnProperty.call(message, "leaseId"))
                    object.leaseId = message.leaseId;
                if (message.sequence != null && $Object.hasOwnProperty.call(message, "sequence"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sequence = typeof message.sequence === "number" ? $BigInt(message.sequence) : $util.Long.fromBits(message.sequence.low >>> 0, message.sequence.high >>> 0, true).toBigInt();
                    else if (typeof message.sequence === "number")
                        object.sequence = options.longs === $String ? $String(message.sequence) : message.sequence;
                    else
                        object.sequence = options.longs === $String ? $util.Long.prototype.toString.call(message.sequence) : options.longs === $Number ? new $util.LongBits(message.sequence.low >>> 0, message.sequence.high >>> 0).toNumber(true) : message.sequence;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.estopId != null && $Object.hasOwnProperty.call(message, "estopId"))
                    object.estopId = message.estopId;
                return object;
            };

            /**
             * Converts this RobotEvent to JSON.
             * @function toJSON
             * @memberof teleop.v1.RobotEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RobotEvent.prototype.toJSON = function() {
                return RobotEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RobotEvent
             * @function getTypeUrl
             * @memberof teleop.v1.RobotEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RobotEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/teleop.v1.RobotEvent";
            };

            /**
             * Kind enum.
             * @name teleop.v1.RobotEvent.Kind
             * @enum {number}
             * @property {number} KIND_UNSPECIFIED=0 KIND_UNSPECIFIED value
             * @property {number} KIND_COMMAND_REJECTED=1 KIND_COMMAND_REJECTED value
             * @property {number} KIND_WATCHDOG_HOLD=2 KIND_WATCHDOG_HOLD value
             * @property {number} KIND_ESTOP_ENGAGED=3 KIND_ESTOP_ENGAGED value
             * @property {number} KIND_ESTOP_RESET=4 KIND_ESTOP_RESET value
             * @property {number} KIND_FAULT=5 KIND_FAULT value
             * @property {number} KIND_LEASE_APPLIED=6 KIND_LEASE_APPLIED value
             * @property {number} KIND_RECORDING_LOSS=7 KIND_RECORDING_LOSS value
             */
            RobotEvent.Kind = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "KIND_UNSPECIFIED"] = 0;
                values[valuesById[1] = "KIND_COMMAND_REJECTED"] = 1;
                values[valuesById[2] = "KIND_WATCHDOG_HOLD"] = 2;
                values[valuesById[3] = "KIND_ESTOP_ENGAGED"] = 3;
                values[valuesById[4] = "KIND_ESTOP_RESET"] = 4;
                values[valuesById[5] = "KIND_FAULT"] = 5;
                values[valuesById[6] = "KIND_LEASE_APPLIED"] = 6;
                values[valuesById[7] = "KIND_RECORDING_LOSS"] = 7;
                return values;
            })();

            return RobotEvent;
        })();

        return v1;
    })();

    return teleop;
})();

export {
  $root as default
};
