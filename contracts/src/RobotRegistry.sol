// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title RobotRegistry
/// @notice Owners enroll robots with the address of the robot's signing key (the key that signs episode
/// manifests as EIP-712 data), rotate that key, and retire robots. Anyone can check whether an address
/// signs for a robot.
contract RobotRegistry {
    struct Robot {
        address owner;
        address signer;
        uint64 enrolledAt;
        bool retired;
    }

    mapping(bytes32 robotId => Robot) private _robots;

    event RobotEnrolled(bytes32 indexed robotId, address indexed owner, address signer);
    event RobotKeyRotated(bytes32 indexed robotId, address previousSigner, address newSigner);
    event RobotRetired(bytes32 indexed robotId, address indexed owner);

    error AlreadyEnrolled(bytes32 robotId);
    error UnknownRobot(bytes32 robotId);
    error NotRobotOwner(bytes32 robotId, address caller);
    error RobotIsRetired(bytes32 robotId);
    error ZeroSigner();

    modifier onlyRobotOwner(bytes32 robotId) {
        Robot storage r = _robots[robotId];
        if (r.owner == address(0)) revert UnknownRobot(robotId);
        if (r.owner != msg.sender) revert NotRobotOwner(robotId, msg.sender);
        if (r.retired) revert RobotIsRetired(robotId);
        _;
    }

    /// @notice Enrolls `robotId` (the hub's robot id, UTF-8, left-aligned in 32 bytes) owned by the caller.
    function enroll(bytes32 robotId, address signer) external {
        if (signer == address(0)) revert ZeroSigner();
        if (_robots[robotId].owner != address(0)) revert AlreadyEnrolled(robotId);
        _robots[robotId] = Robot({owner: msg.sender, signer: signer, enrolledAt: uint64(block.timestamp), retired: false});
        emit RobotEnrolled(robotId, msg.sender, signer);
    }

    function rotateKey(bytes32 robotId, address newSigner) external onlyRobotOwner(robotId) {
        if (newSigner == address(0)) revert ZeroSigner();
        address previous = _robots[robotId].signer;
        _robots[robotId].signer = newSigner;
        emit RobotKeyRotated(robotId, previous, newSigner);
    }

    function retire(bytes32 robotId) external onlyRobotOwner(robotId) {
        _robots[robotId].retired = true;
        emit RobotRetired(robotId, msg.sender);
    }

    function robot(bytes32 robotId) external view returns (Robot memory) {
        return _robots[robotId];
    }

    /// @notice Whether `signer` is the current key of an active robot.
    function isSigner(bytes32 robotId, address signer) external view returns (bool) {
        Robot storage r = _robots[robotId];
        return r.owner != address(0) && !r.retired && r.signer == signer;
    }
}
