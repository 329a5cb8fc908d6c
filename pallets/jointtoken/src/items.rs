//! Items (seed 001 账目封装): issue, destroy, transfer, exchange, alloc.

use alloc::collections::BTreeSet;
use codec::Encode;
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::traits::{Saturating, Verify, Zero};

use crate::{
	pallet::{
		Config, Error, Event, ItemDataOf, ItemOf, Kinds, Pallet, PartsOf, Rulebook, Seen, SeenCount,
	},
	types::*,
	WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// The id of an item: what each of its signers signs, and its replay key. Binding the
	/// genesis hash keeps a signature for another chain from being replayed here.
	pub fn item_id(data: &ItemDataOf<T>) -> H256 {
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		H256(sp_io::hashing::blake2_256(&(ITEM_TAG, genesis, data).encode()))
	}

	/// Applies `item`, submitted (and its new entries' deposits paid) by `who`.
	///
	/// Errors: per type, see [`Self::do_transfer`] and the others.
	pub(crate) fn do_submit(
		who: &T::AccountId,
		item: ItemOf<T>,
	) -> Result<ItemOutcome, DispatchError> {
		let id = Self::item_id(&item.data);
		let sigs = &item.sigs[..];
		let mut out = ItemOutcome { id, ..Default::default() };
		match item.data {
			ItemData::Issue { jtid, schedule, period, to, amount } => {
				ensure!(sigs.is_empty(), Error::<T>::WrongSignatureCount);
				Self::check_issue(&jtid, schedule, period, &to, amount)?;
				Self::apply_issue(&jtid, schedule, who)?;
				out.minted = amount;
			},
			ItemData::Destroy { jtid, inputs, total, expires } => {
				out.burned = Self::do_destroy(id, jtid, inputs, total, expires, sigs)?;
			},
			ItemData::Transfer { jtid, inputs, outputs, total, expires, .. } => {
				out.moved =
					Self::do_transfer(who, id, jtid, inputs, outputs, total, expires, sigs)?;
			},
			ItemData::Exchange { a, b, expires } => {
				out.moved = Self::do_exchange(who, id, a, b, expires, sigs)?;
			},
			ItemData::Alloc { jtid, account, period, outputs } => {
				ensure!(sigs.is_empty(), Error::<T>::WrongSignatureCount);
				let (moved, repaid) = Self::do_alloc(who, jtid, account, period, outputs)?;
				out.moved = moved;
				out.repaid = repaid;
			},
		}
		Ok(out)
	}

	/// Errors: `Expired`, `ExpiryTooFar`, `Replayed`.
	fn check_fresh(id: &H256, expires: BlockNumberFor<T>) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(expires > now, Error::<T>::Expired);
		ensure!(expires <= now.saturating_add(T::MaxItemLife::get()), Error::<T>::ExpiryTooFar);
		ensure!(!Seen::<T>::contains_key(expires, id), Error::<T>::Replayed);
		Ok(())
	}

	/// Remembers a signed item's id until it expires.
	///
	/// Errors: `ExpiryFull`.
	fn remember(id: H256, expires: BlockNumberFor<T>) -> DispatchResult {
		SeenCount::<T>::try_mutate(expires, |n| -> DispatchResult {
			ensure!(*n < T::MaxItemsPerExpiry::get(), Error::<T>::ExpiryFull);
			*n = n.saturating_add(1);
			Ok(())
		})?;
		Seen::<T>::insert(expires, id, ());
		Ok(())
	}

	/// Forgets the ids of items that expire at `n`: from `n` on they are rejected as expired.
	pub(crate) fn forget_expired(n: BlockNumberFor<T>) -> Weight {
		let count = SeenCount::<T>::take(n);
		if count > 0 {
			let _ = Seen::<T>::clear_prefix(n, count, None);
		}
		T::WeightInfo::forget_expired(count)
	}

	/// Checks that every input is a distinct signable account with a non-zero amount, signed
	/// by its own signature over `id`, and returns their sum.
	///
	/// Errors: `Empty`, `ZeroAmount`, `DuplicateInput`, `WrongSignatureCount`, `NotSignable`,
	/// `BadSignature`, `Overflow`.
	fn check_inputs<N: Get<u32>>(
		jtid: &JtId,
		id: &H256,
		inputs: &PartsOf<T, N>,
		sigs: &[T::Signature],
	) -> Result<Amount, DispatchError> {
		ensure!(!inputs.is_empty(), Error::<T>::Empty);
		ensure!(sigs.len() == inputs.len(), Error::<T>::WrongSignatureCount);
		let mut seen = BTreeSet::new();
		let mut sum: Amount = 0;
		for (p, sig) in inputs.iter().zip(sigs) {
			ensure!(p.amount > 0, Error::<T>::ZeroAmount);
			ensure!(seen.insert(&p.account), Error::<T>::DuplicateInput);
			ensure!(!Self::is_keyless(jtid, &p.account), Error::<T>::NotSignable);
			ensure!(sig.verify(&id.0[..], &p.account), Error::<T>::BadSignature);
			sum = sum.checked_add(p.amount).ok_or(Error::<T>::Overflow)?;
		}
		Ok(sum)
	}

	/// The sum of non-zero outputs. None may be the root: tokens reach it only by a sale to
	/// the desk, which burns them; a plain payment to it would burn tokens even where the
	/// rules do not let holders destroy them.
	///
	/// Errors: `Empty`, `ZeroAmount`, `RootReceives`, `Overflow`.
	fn sum_outputs(
		jtid: &JtId,
		outputs: &PartsOf<T, T::MaxOutputs>,
	) -> Result<Amount, DispatchError> {
		ensure!(!outputs.is_empty(), Error::<T>::Empty);
		let root = Self::root_account(jtid);
		outputs.iter().try_fold(0u128, |sum, p| {
			ensure!(p.amount > 0, Error::<T>::ZeroAmount);
			ensure!(p.account != root, Error::<T>::RootReceives);
			sum.checked_add(p.amount).ok_or(Error::<T>::Overflow.into())
		})
	}

	/// Holders burn their tokens, if the rules allow it.
	///
	/// Errors: `UnknownKind`, `DestroyNotAllowed`, `Unbalanced`, `Expired`, `ExpiryTooFar`,
	/// `Replayed`, `ExpiryFull`, `InsufficientBalance`, and those of [`Self::check_inputs`].
	fn do_destroy(
		id: H256,
		jtid: JtId,
		inputs: PartsOf<T, T::MaxInputs>,
		total: Amount,
		expires: BlockNumberFor<T>,
		sigs: &[T::Signature],
	) -> Result<Amount, DispatchError> {
		let rules = Rulebook::<T>::get(jtid).ok_or(Error::<T>::UnknownKind)?;
		ensure!(rules.holders_may_destroy, Error::<T>::DestroyNotAllowed);
		Self::check_fresh(&id, expires)?;
		let sum = Self::check_inputs(&jtid, &id, &inputs, sigs)?;
		ensure!(sum == total, Error::<T>::Unbalanced);
		for p in inputs.iter() {
			Self::debit(&jtid, &p.account, p.amount)?;
		}
		Self::burn_supply(&jtid, total)?;
		Self::remember(id, expires)?;
		Self::deposit_event(Event::Destroyed { jtid, item: id, total });
		Ok(total)
	}

	/// Inputs pay outputs: `sum(in) == sum(out) == total`, one signature per input.
	///
	/// Errors: `UnknownKind`, `Unbalanced`, `Expired`, `ExpiryTooFar`, `Replayed`,
	/// `ExpiryFull`, `InsufficientBalance`, `InsufficientDeposit`, and those of
	/// [`Self::check_inputs`] and [`Self::sum_outputs`].
	#[allow(clippy::too_many_arguments)]
	fn do_transfer(
		who: &T::AccountId,
		id: H256,
		jtid: JtId,
		inputs: PartsOf<T, T::MaxInputs>,
		outputs: PartsOf<T, T::MaxOutputs>,
		total: Amount,
		expires: BlockNumberFor<T>,
		sigs: &[T::Signature],
	) -> Result<Amount, DispatchError> {
		ensure!(Kinds::<T>::contains_key(jtid), Error::<T>::UnknownKind);
		Self::check_fresh(&id, expires)?;
		let out = Self::sum_outputs(&jtid, &outputs)?;
		let sum = Self::check_inputs(&jtid, &id, &inputs, sigs)?;
		ensure!(sum == total && out == total, Error::<T>::Unbalanced);
		for p in inputs.iter() {
			Self::debit(&jtid, &p.account, p.amount)?;
		}
		for p in outputs.iter() {
			Self::credit(&jtid, &p.account, p.amount, who)?;
		}
		Self::remember(id, expires)?;
		Self::deposit_event(Event::Transferred {
			jtid,
			item: id,
			inputs: inputs.len() as u32,
			outputs: outputs.len() as u32,
			total,
		});
		Ok(total)
	}

	/// Swaps two kinds atomically: `a.payer` pays `a`'s outputs in kind `a.jtid`, `b.payer`
	/// pays `b`'s in `b.jtid`; both payers sign (`a`'s signature first).
	///
	/// Errors: `SameKind`, `UnknownKind`, `WrongSignatureCount`, `NotSignable`,
	/// `BadSignature`, `Unbalanced`, `Expired`, `ExpiryTooFar`, `Replayed`, `ExpiryFull`,
	/// `InsufficientBalance`, `InsufficientDeposit`, and those of [`Self::sum_outputs`].
	fn do_exchange(
		who: &T::AccountId,
		id: H256,
		a: crate::pallet::LegOf<T>,
		b: crate::pallet::LegOf<T>,
		expires: BlockNumberFor<T>,
		sigs: &[T::Signature],
	) -> Result<Amount, DispatchError> {
		ensure!(a.jtid != b.jtid, Error::<T>::SameKind);
		ensure!(
			Kinds::<T>::contains_key(a.jtid) && Kinds::<T>::contains_key(b.jtid),
			Error::<T>::UnknownKind
		);
		ensure!(sigs.len() == 2, Error::<T>::WrongSignatureCount);
		Self::check_fresh(&id, expires)?;
		for (leg, sig) in [(&a, &sigs[0]), (&b, &sigs[1])] {
			ensure!(leg.total > 0, Error::<T>::ZeroAmount);
			ensure!(
				Self::sum_outputs(&leg.jtid, &leg.outputs)? == leg.total,
				Error::<T>::Unbalanced
			);
			ensure!(!Self::is_keyless(&leg.jtid, &leg.payer), Error::<T>::NotSignable);
			ensure!(sig.verify(&id.0[..], &leg.payer), Error::<T>::BadSignature);
		}
		for leg in [&a, &b] {
			Self::debit(&leg.jtid, &leg.payer, leg.total)?;
			for p in leg.outputs.iter() {
				Self::credit(&leg.jtid, &p.account, p.amount, who)?;
			}
		}
		Self::remember(id, expires)?;
		Self::deposit_event(Event::Exchanged {
			item: id,
			a: a.jtid,
			a_payer: a.payer,
			a_total: a.total,
			b: b.jtid,
			b_payer: b.payer,
			b_total: b.total,
		});
		Ok(a.total.saturating_add(b.total))
	}
}
