// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title RewardDistributor
/// @notice Cumulative Merkle distribution. Each epoch the hub publishes one root over (account, cumulative
/// amount) leaves, built with the standard tree of OpenZeppelin's merkle-tree library. A claim pays the difference between
/// the account's cumulative amount and what it has claimed, so a missed epoch is never lost and a claim can
/// never pay twice. Funds always go to the account named in the leaf, whoever sends the transaction.
/// A guardian may pause claims: the live root is then held aside, so a claim reads one storage slot for
/// both the root and the pause state.
contract RewardDistributor is AccessControl {
    using SafeERC20 for IERC20;

    bytes32 public constant PUBLISHER_ROLE = keccak256("PUBLISHER_ROLE");
    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");

    IERC20 public immutable token;
    /// @dev The root claims are checked against; zero while paused (the root waits in `_heldRoot`).
    bytes32 private _liveRoot;
    bytes32 private _heldRoot;
    bool public paused;
    uint256 public epoch;
    mapping(address account => uint256) public claimed;

    event RootPublished(uint256 indexed epoch, bytes32 root, uint256 totalCumulative);
    event Claimed(address indexed account, uint256 amount, uint256 cumulativeAmount);
    event Paused(address account);
    event Unpaused(address account);

    error EpochNotAfter(uint256 current, uint256 given);
    error InvalidProof();
    error NothingToClaim(address account, uint256 cumulativeAmount, uint256 alreadyClaimed);
    error EnforcedPause();
    error ExpectedPause();
    error NoRoot();

    constructor(IERC20 token_, address admin, address publisher, address guardian) {
        token = token_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PUBLISHER_ROLE, publisher);
        _grantRole(GUARDIAN_ROLE, guardian);
    }

    /// @notice Publishes the root of epoch `newEpoch` (epochs only move forward).
    /// @param totalCumulative sum of all cumulative amounts in the tree, for monitoring.
    function publishRoot(uint256 newEpoch, bytes32 root, uint256 totalCumulative) external onlyRole(PUBLISHER_ROLE) {
        if (newEpoch <= epoch) revert EpochNotAfter(epoch, newEpoch);
        epoch = newEpoch;
        if (paused) _heldRoot = root;
        else _liveRoot = root;
        emit RootPublished(newEpoch, root, totalCumulative);
    }

    /// @notice The root of the latest epoch (also while paused).
    function merkleRoot() external view returns (bytes32) {
        return paused ? _heldRoot : _liveRoot;
    }

    function claim(address account, uint256 cumulativeAmount, bytes32[] calldata proof) external {
        bytes32 root = _liveRoot;
        if (root == bytes32(0)) {
            if (paused) revert EnforcedPause();
            revert NoRoot();
        }
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(account, cumulativeAmount))));
        if (!MerkleProof.verifyCalldata(proof, root, leaf)) revert InvalidProof();
        uint256 already = claimed[account];
        if (cumulativeAmount <= already) revert NothingToClaim(account, cumulativeAmount, already);
        claimed[account] = cumulativeAmount;
        uint256 amount;
        unchecked {
            amount = cumulativeAmount - already;
        }
        token.safeTransfer(account, amount);
        emit Claimed(account, amount, cumulativeAmount);
    }

    function pause() external onlyRole(GUARDIAN_ROLE) {
        if (paused) revert EnforcedPause();
        paused = true;
        _heldRoot = _liveRoot;
        _liveRoot = bytes32(0);
        emit Paused(msg.sender);
    }

    function unpause() external onlyRole(GUARDIAN_ROLE) {
        if (!paused) revert ExpectedPause();
        paused = false;
        _liveRoot = _heldRoot;
        _heldRoot = bytes32(0);
        emit Unpaused(msg.sender);
    }
}
