//! How the market reaches on-chain assets: one trait the runtime implements over all its asset
//! pallets (COD, codcoins, timecoins, joint tokens later), keyed by an asset id it defines.

use frame_support::pallet_prelude::*;
use sp_core::H256;

use crate::types::Amount;

/// The on-chain assets the market can trade.
///
/// Escrow is per `(asset, owner)`: what `owner` put into the market and not yet paid out. The
/// market's `try_state` checks that it equals the sum of the owner's open offers and pending
/// trade legs in that asset.
pub trait OnChainAssets<AccountId> {
	/// Names one asset: COD, or a coin of one issuer.
	type AssetId: Parameter + Member + MaxEncodedLen + Ord;

	/// Whether the asset exists (a coin whose issuer has a record, COD always).
	fn exists(asset: &Self::AssetId) -> bool;

	/// Whether `asset` is the chain's native currency, whose payment is a plain balance
	/// transfer: an acceptance paid in it is charged by its own benchmark instead of a coin
	/// payment's. Answer `false` for anything else (it is then charged as coins, the costliest).
	fn is_native(asset: &Self::AssetId) -> bool;

	/// Moves `amount` of `asset` from `owner`'s free holdings into escrow, spending the `coins`
	/// named (an asset held in coins), or choosing them itself when none are named. Returns
	/// how many coins it spent (0 for an asset not held in coins), which the market's weight
	/// is refunded by; it must not exceed the market's `MaxPaymentCoins`.
	fn lock(
		asset: &Self::AssetId,
		owner: &AccountId,
		amount: Amount,
		coins: &[H256],
	) -> Result<u32, DispatchError>;

	/// Pays `amount` of `asset` out of `owner`'s escrow to `to` (who may be `owner`). Any storage
	/// deposit the payment creates is held from `payer`.
	fn unlock(
		asset: &Self::AssetId,
		owner: &AccountId,
		to: &AccountId,
		amount: Amount,
		payer: &AccountId,
	) -> DispatchResult;

	/// Pays `amount` of `asset` from `from`'s free holdings to `to`, spending the `coins` named,
	/// or choosing them itself when none are named. Returns how many coins it spent, as
	/// [`Self::lock`] does.
	fn transfer(
		asset: &Self::AssetId,
		from: &AccountId,
		to: &AccountId,
		amount: Amount,
		coins: &[H256],
	) -> Result<u32, DispatchError>;

	/// What `owner` has in escrow in `asset`.
	fn escrowed(asset: &Self::AssetId, owner: &AccountId) -> Amount;

	/// Every non-zero escrow the assets keep, for the market's invariant checks (`try_state`)
	/// only: it reads every entry. COD escrow is a hold on the owner's account, which cannot be
	/// listed without scanning all accounts; an implementation may leave it out.
	fn escrow_entries() -> alloc::vec::Vec<(Self::AssetId, AccountId, Amount)>;

	/// The account that issues the asset, if it has one (COD has none).
	fn issuer(asset: &Self::AssetId) -> Option<AccountId>;

	/// How far the asset's supply exceeds its collateral (0 when covered or not applicable).
	fn shortfall(asset: &Self::AssetId) -> Amount;
}

/// What the market's benchmarks need from the runtime: the costliest asset to move, and a way
/// to give an account some of it.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, AssetId> {
	/// Asset number `n` (0 and 1 must differ), created if needed.
	fn asset(n: u32) -> AssetId;
	/// The native currency, for which [`OnChainAssets::is_native`] holds.
	fn native() -> AssetId;
	/// Gives `who` `amount` of `asset` split into `pieces` coins (at most the market's
	/// `MaxPaymentCoins`), each piece's deposit paid by a different account, so that a payment
	/// spending all of them is the costliest case of its size.
	fn fund(asset: &AssetId, who: &AccountId, amount: Amount, pieces: u32);
}
