//! Space-time payments: the leader order, attestation checks, the split.

use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
	ensure,
	traits::Get,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::{DepositConsequence, Fortitude, Precision, Provenance, Restriction},
	},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{
	traits::{Saturating, Verify, Zero},
	DispatchError, SaturatedConversion,
};

use crate::{pallet::*, types::*, weights::WeightInfo};

/// The period a payment covers, as attestations must name it.
struct Period<'a, T: Config> {
	contract: ContractId,
	provider: &'a T::AccountId,
	ts: BlockNumberFor<T>,
	te: BlockNumberFor<T>,
	/// End of the provider's last paid period: attestations ending by then are replays.
	paid_until: BlockNumberFor<T>,
}

impl<T: Config> Clone for Period<'_, T> {
	fn clone(&self) -> Self {
		*self
	}
}
impl<T: Config> Copy for Period<'_, T> {}

/// What a payment did that its weight depends on: the benchmark charges a full history (the
/// oldest record dropped) and every part paid to an account other than the owner's.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PayCost {
	/// Keepers in the group (the benchmark's component).
	pub keepers: u32,
	/// Whether the oldest payment record was dropped from a full history.
	pub dropped_oldest: bool,
	/// Parts paid to the contract's owner itself (as provider or keeper).
	pub owner_paid: u32,
}

impl PayCost {
	/// The benchmarked weight less the storage accesses this payment did not make.
	pub fn weight<T: Config>(&self) -> frame_support::weights::Weight {
		let db = T::DbWeight::get();
		let mut w = T::WeightInfo::pay(self.keepers)
			.saturating_sub(db.reads_writes(self.owner_paid.into(), self.owner_paid.into()));
		if !self.dropped_oldest {
			w = w.saturating_sub(db.writes(1));
		}
		w
	}
}

/// Where a block falls in a payment's leader rotation.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Slot<BlockNumber> {
	/// 0-based place in the leader order.
	pub index: u32,
	/// How many times the whole order has passed before this window.
	pub cycle: u32,
	pub start: BlockNumber,
	pub end: BlockNumber,
}

impl<T: Config> Pallet<T> {
	/// The bytes a keeper signs to attest `st` for `provider` over `[ts, te)` of `contract`:
	/// SCALE of `(ATTESTATION_TAG, genesis hash, contract, provider, ts, te, st)`. The genesis
	/// hash keeps an attestation from being valid on another chain.
	pub fn attestation_payload(
		contract: ContractId,
		provider: &T::AccountId,
		ts: BlockNumberFor<T>,
		te: BlockNumberFor<T>,
		st: SpaceTime,
	) -> Vec<u8> {
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		(ATTESTATION_TAG, genesis, contract, provider, ts, te, st).encode()
	}

	/// `keepers` in leader order for a payment whose rotation counts from block `base`: sorted
	/// by `blake2_256(SCALE(base, keeper))`.
	pub fn leader_order(keepers: &[T::AccountId], base: BlockNumberFor<T>) -> Vec<T::AccountId> {
		let mut keyed: Vec<([u8; 32], &T::AccountId)> =
			keepers.iter().map(|k| (sp_io::hashing::blake2_256(&(base, k).encode()), k)).collect();
		keyed.sort_by_key(|a| a.0);
		keyed.into_iter().map(|(_, k)| k.clone()).collect()
	}

	/// The leader window that block `at` falls in, for a rotation of `n` keepers counting from
	/// `base`; `None` before the period has elapsed.
	pub fn slot(
		terms: &Terms<BalanceOf<T>, BlockNumberFor<T>>,
		base: BlockNumberFor<T>,
		n: u32,
		at: BlockNumberFor<T>,
	) -> Option<Slot<BlockNumberFor<T>>> {
		let first = base.saturating_add(terms.period);
		if at < first || n == 0 || terms.window.is_zero() {
			return None;
		}
		let k = (at - first) / terms.window;
		let n_blocks: BlockNumberFor<T> = n.into();
		let start = first.saturating_add(k.saturating_mul(terms.window));
		Some(Slot {
			index: (k % n_blocks).saturated_into(),
			cycle: (k / n_blocks).saturated_into(),
			start,
			end: start.saturating_add(terms.window),
		})
	}

	/// Pays `provider` for `[ts, te)`; returns what the payment's weight depends on.
	///
	/// Errors, in the order checked: `UnknownContract`, `NotAProvider`, `WrongPeriodStart`,
	/// `EmptyPeriod`, `PeriodInFuture`, `PeriodAfterClose`, `TooEarly`, `NotLeader`; per
	/// attestation `NotAKeeper`, `DuplicateAttestation`, `ForeignAttestation`,
	/// `ReplayedAttestation`, `AttestationPeriodMismatch`, `BadSignature`; then
	/// `TooFewAttestations`, `NoAgreement`, `EscrowExhausted`.
	pub fn do_pay(
		payer: &T::AccountId,
		id: ContractId,
		provider: &T::AccountId,
		ts: BlockNumberFor<T>,
		te: BlockNumberFor<T>,
		st: SpaceTime,
		attestations: &[AttestationOf<T>],
	) -> Result<PayCost, DispatchError> {
		let mut contract = Contracts::<T>::get(id).ok_or(Error::<T>::UnknownContract)?;
		let mut state = Providers::<T>::get(id, provider).ok_or(Error::<T>::NotAProvider)?;
		let members = contract.members_at(&state.paid_until);
		ensure!(members.is_provider(provider), Error::<T>::NotAProvider);
		let keepers: Vec<T::AccountId> = members.keepers.to_vec();
		let f = members.tolerated_faults();
		ensure!(ts == state.paid_until, Error::<T>::WrongPeriodStart);
		ensure!(te > ts, Error::<T>::EmptyPeriod);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(te <= now, Error::<T>::PeriodInFuture);
		if let Some(closed) = contract.closed {
			ensure!(te <= closed, Error::<T>::PeriodAfterClose);
		}

		let n = keepers.len() as u32;
		let slot =
			Self::slot(&contract.terms, state.last_paid_at, n, now).ok_or(Error::<T>::TooEarly)?;
		let order = Self::leader_order(&keepers, state.last_paid_at);
		ensure!(order.get(slot.index as usize) == Some(payer), Error::<T>::NotLeader);

		let period = Period { contract: id, provider, ts, te, paid_until: state.paid_until };
		Self::check_attestations(&period, st, &keepers, f, contract.terms.tolerance, attestations)?;
		ensure!(!contract.escrow.is_zero(), Error::<T>::EscrowExhausted);

		// Failed: keepers whose window passed unused; after a full rotation, all of them.
		let (failed, rewarded): (&[T::AccountId], &[T::AccountId]) =
			if slot.cycle == 0 { order.split_at(slot.index as usize) } else { (&order[..], &[]) };

		let gross = contract.terms.price.saturating_mul(st.saturated_into());
		let capped = gross > contract.escrow;
		let amount = if capped { contract.escrow } else { gross };
		let split = contract.terms.split;
		let keepers_part = split.keepers().unwrap_or_default().mul_floor(amount);
		let to_each_keeper = if rewarded.is_empty() {
			Zero::zero()
		} else {
			keepers_part / (rewarded.len() as u32).into()
		};
		let bonus = if rewarded.contains(payer) {
			split.leader_bonus.mul_floor(amount)
		} else {
			Zero::zero()
		};

		let owner = contract.owner.clone();
		let mut paid = Self::pay_out(&owner, provider, split.provider.mul_floor(amount))?;
		let to_provider = paid;
		// The leader's bonus travels with its share: one transfer instead of two.
		let mut bonus_paid: BalanceOf<T> = Zero::zero();
		for keeper in rewarded {
			let extra = if keeper == payer { bonus } else { Zero::zero() };
			let moved = Self::pay_out(&owner, keeper, to_each_keeper.saturating_add(extra))?;
			if !moved.is_zero() {
				bonus_paid = bonus_paid.saturating_add(extra);
			}
			paid = paid.saturating_add(moved);
		}
		let bonus = bonus_paid;
		contract.escrow = contract.escrow.saturating_sub(paid);
		// Parts paid to the owner itself touch no account besides the owner's own.
		let owner_paid =
			core::iter::once(provider).chain(rewarded.iter()).filter(|to| **to == owner).count()
				as u32;

		let digest = H256(sp_io::hashing::blake2_256(&attestations.encode()));
		let failed: KeepersOf<T> = BoundedVec::truncate_from(failed.to_vec());
		let seq = contract.next_payment;
		contract.next_payment = seq.saturating_add(1);
		Payments::<T>::insert(
			id,
			seq,
			PaymentRecord {
				seq,
				provider: provider.clone(),
				ts,
				te,
				st,
				paid,
				to_provider,
				to_each_keeper,
				keepers_paid: rewarded.len() as u32,
				bonus,
				payer: payer.clone(),
				paid_at: now,
				digest,
				capped,
			},
		);
		let dropped = seq.checked_sub(T::MaxHistory::get().into());
		if let Some(old) = dropped {
			Payments::<T>::remove(id, old);
		}
		state.paid_until = te;
		state.last_paid_at = now;
		state.last_payer = Some(payer.clone());
		state.last_digest = Some(digest);
		state.last_failed = failed.clone();
		Providers::<T>::insert(id, provider, state);
		Contracts::<T>::insert(id, contract);

		Self::deposit_event(Event::Paid {
			contract: id,
			seq,
			provider: provider.clone(),
			ts,
			te,
			st,
			paid,
			to_provider,
			to_each_keeper,
			bonus,
			payer: payer.clone(),
			failed,
			digest,
			capped,
		});
		Ok(PayCost { keepers: n, dropped_oldest: dropped.is_some(), owner_paid })
	}

	/// At least `2f + 1` distinct `keepers` attest the period with valid signatures, and at
	/// least `f + 1` of them agree with `st` within `tolerance`.
	fn check_attestations(
		period: &Period<'_, T>,
		st: SpaceTime,
		keepers: &[T::AccountId],
		f: u32,
		tolerance: u128,
		attestations: &[AttestationOf<T>],
	) -> Result<(), DispatchError> {
		let Period { contract: id, provider, ts, te, paid_until } = *period;
		let mut agree = 0u32;
		for (i, a) in attestations.iter().enumerate() {
			ensure!(keepers.contains(&a.keeper), Error::<T>::NotAKeeper);
			ensure!(
				attestations[..i].iter().all(|b| b.keeper != a.keeper),
				Error::<T>::DuplicateAttestation
			);
			ensure!(a.contract == id && a.provider == *provider, Error::<T>::ForeignAttestation);
			ensure!(a.te > paid_until, Error::<T>::ReplayedAttestation);
			ensure!(a.ts == ts && a.te == te, Error::<T>::AttestationPeriodMismatch);
			let payload = Self::attestation_payload(id, provider, ts, te, a.st);
			ensure!(a.signature.verify(&payload[..], &a.keeper), Error::<T>::BadSignature);
			if a.st / tolerance == st / tolerance {
				agree = agree.saturating_add(1);
			}
		}
		ensure!(
			attestations.len() as u32 >= f.saturating_mul(2).saturating_add(1),
			Error::<T>::TooFewAttestations
		);
		ensure!(agree > f, Error::<T>::NoAgreement);
		Ok(())
	}

	/// Moves `amount` from the owner's escrow hold to `to`; returns what moved. A part too small
	/// to open `to`'s account (below the existential deposit) stays in escrow rather than
	/// failing everyone's payment.
	fn pay_out(
		owner: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		if amount.is_zero()
			|| T::Currency::can_deposit(to, amount, Provenance::Extant)
				!= DepositConsequence::Success
		{
			return Ok(Zero::zero());
		}
		T::Currency::transfer_on_hold(
			&HoldReason::Escrow.into(),
			owner,
			to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)
	}
}
