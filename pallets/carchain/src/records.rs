//! Data records: `(address, key)` registered once with the value's hash, size and format.

use codchain_support::deposit;
use codec::Encode;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::Mutate,
		tokens::{Fortitude, Precision, Preservation},
		Get,
	},
};
use sp_core::H256;
use sp_runtime::traits::{Saturating, Zero};

use crate::{
	pallet::{
		AgentWork, Agents, Config, EpochWork, Error, Event, FormatOf, HoldReason, KeyOf, Pallet,
		RecordOf, Records,
	},
	record_id, RecordId, PUT_TAG,
};

impl<T: Config> Pallet<T> {
	/// What an address signs to let `submitter` register its record. Naming the submitter
	/// keeps another agent from replaying the consent to take the contribution.
	pub fn put_payload(
		submitter: &T::AccountId,
		key: &[u8],
		value_hash: &H256,
		size: u32,
		format: &[u8],
	) -> alloc::vec::Vec<u8> {
		(PUT_TAG, Self::genesis(), submitter, key, value_hash, size, format).encode()
	}

	/// Errors: `EmptyKey`, `BadSize`, `DuplicateRecord`, `MissingConsent`,
	/// `BadAddressSignature`, `InsufficientFunds`, `Overflow`.
	pub(crate) fn do_put_record(
		submitter: T::AccountId,
		address: T::AccountId,
		key: KeyOf<T>,
		value_hash: H256,
		size: u32,
		format: FormatOf<T>,
		consent: Option<T::Signature>,
	) -> DispatchResult {
		ensure!(!key.is_empty(), Error::<T>::EmptyKey);
		ensure!(size > 0 && size <= T::MaxValueSize::get(), Error::<T>::BadSize);
		let id = record_id(&address, &key);
		ensure!(!Records::<T>::contains_key(id), Error::<T>::DuplicateRecord);
		if submitter != address {
			let consent = consent.ok_or(Error::<T>::MissingConsent)?;
			let payload = Self::put_payload(&submitter, &key, &value_hash, size, &format);
			ensure!(Self::verify(&consent, &payload, &address), Error::<T>::BadAddressSignature);
		}
		// Only a registered agent submitting for another address contributes: an address
		// submitting its own records is no agent's work.
		let agent = (submitter != address && Agents::<T>::contains_key(&submitter))
			.then(|| submitter.clone());
		if let Some(agent) = &agent {
			let epoch = Self::epoch_of(frame_system::Pallet::<T>::block_number());
			let mine = AgentWork::<T>::get(epoch, agent).unwrap_or(0);
			let (total, claimed) = EpochWork::<T>::get(epoch).unwrap_or((0, 0));
			let mine = mine.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let total = total.checked_add(1).ok_or(Error::<T>::Overflow)?;
			AgentWork::<T>::insert(epoch, agent, mine);
			EpochWork::<T>::insert(epoch, (total, claimed));
		}
		let amount = T::RecordDeposit::get();
		deposit::hold::<_, T::Currency>(&HoldReason::Deposit.into(), &submitter, amount)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		let reward = Self::mint_producer_reward(&address)?;
		let record: RecordOf<T> = crate::Record {
			address: address.clone(),
			key: key.clone(),
			value_hash,
			size,
			format: format.clone(),
			block: frame_system::Pallet::<T>::block_number(),
			agent: agent.clone(),
			depositor: submitter,
			deposit: amount,
			reward,
			grants: 0,
		};
		Records::<T>::insert(id, record);
		Self::deposit_event(Event::RecordPut {
			record: id,
			address,
			key,
			value_hash,
			size,
			format,
			agent,
			reward,
		});
		Ok(())
	}

	/// Errors: `UnknownRecord`, `NotRecordOwner`, `RecordTooYoung`, `RecordHasGrants`,
	/// `RewardNotReturnable`.
	pub(crate) fn do_remove_record(address: T::AccountId, id: RecordId) -> DispatchResult {
		let record = Records::<T>::get(id).ok_or(Error::<T>::UnknownRecord)?;
		ensure!(record.address == address, Error::<T>::NotRecordOwner);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			now >= record.block.saturating_add(T::MinRecordLife::get()),
			Error::<T>::RecordTooYoung
		);
		ensure!(record.grants == 0, Error::<T>::RecordHasGrants);
		if !record.reward.is_zero() {
			// The reward goes back where it came from, so putting and removing records mints
			// nothing in the end.
			T::DataToken::burn_from(
				&address,
				record.reward,
				Preservation::Expendable,
				Precision::Exact,
				Fortitude::Polite,
			)
			.map_err(|_| Error::<T>::RewardNotReturnable)?;
			crate::pallet::Emitted::<T>::mutate(|e| {
				e.producers = e.producers.saturating_sub(record.reward)
			});
		}
		Records::<T>::remove(id);
		deposit::release::<_, T::Currency>(
			&HoldReason::Deposit.into(),
			&record.depositor,
			record.deposit,
		)?;
		Self::deposit_event(Event::RecordRemoved { record: id, address, burnt: record.reward });
		Ok(())
	}
}
