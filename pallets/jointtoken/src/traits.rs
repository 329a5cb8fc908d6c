//! What the joint-token pallet needs from the rest of the runtime: the trade market's standing
//! offers, for the exchange desk.

use frame_support::pallet_prelude::*;

use crate::types::{Amount, JtId, OfferId, Price};

/// The exchange desk (兑换处) of each kind is one standing offer in the shared trade market,
/// owned by the kind's root account: it pays COD and receives the kind's tokens at the buy
/// price. The runtime implements this over the market pallet; tokens the market pays into a
/// root account are burned by this pallet.
pub trait Desk<AccountId> {
	/// Opens the desk of `jtid` for `root`: `cod` COD in escrow, buying at `buy`.
	fn open(
		root: &AccountId,
		jtid: &JtId,
		cod: Amount,
		buy: Price,
	) -> Result<OfferId, DispatchError>;
	/// Adds `cod` COD of `root` to the desk offer `offer`.
	fn top_up(root: &AccountId, offer: OfferId, cod: Amount) -> DispatchResult;
	/// Sets the desk offer's buy price.
	fn reprice(root: &AccountId, offer: OfferId, buy: Price) -> DispatchResult;
	/// COD left in the desk offer, or `None` once the market closed it (filled).
	fn remaining(offer: OfferId) -> Option<Amount>;
	/// COD a root account needs besides the offer's own escrow to open a desk (the market's
	/// deposits); the deployer provides it when the kind is created.
	fn opening_deposit() -> Amount;
}

/// What the benchmarks need from the runtime: keys that sign items.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Signature> {
	/// A signing account; `index` picks a distinct one.
	fn signer(index: u32) -> AccountId;
	/// `signer`'s signature over `message`.
	fn sign(signer: &AccountId, message: &[u8]) -> Signature;
}

/// sr25519 keys in the runtime's keystore, for runtimes whose accounts are `AccountId32` and
/// signatures `MultiSignature`.
#[cfg(feature = "runtime-benchmarks")]
pub struct Sr25519Signers;

#[cfg(feature = "runtime-benchmarks")]
const KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"jtkn");

#[cfg(feature = "runtime-benchmarks")]
impl<A, S> BenchmarkHelper<A, S> for Sr25519Signers
where
	A: From<sp_runtime::AccountId32> + Into<sp_runtime::AccountId32> + Clone,
	S: From<sp_runtime::MultiSignature>,
{
	fn signer(index: u32) -> A {
		let seed = alloc::format!("//signer{index}");
		let public = sp_io::crypto::sr25519_generate(KEY_TYPE, Some(seed.into_bytes()));
		sp_runtime::AccountId32::from(public).into()
	}

	fn sign(signer: &A, message: &[u8]) -> S {
		let raw: [u8; 32] = signer.clone().into().into();
		let public = sp_core::sr25519::Public::from_raw(raw);
		let signature =
			sp_io::crypto::sr25519_sign(KEY_TYPE, &public, message).expect("key was generated");
		sp_runtime::MultiSignature::from(signature).into()
	}
}
