//! Usage rights (the seed's `SMcontract`): providers register computations and pay for runs
//! over records owners approve; only the result comes back, and only once at least
//! `min_cohort` distinct devices took part.

use codchain_support::deposit;
use codec::Encode;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{Saturating, Zero},
	Rounding, SaturatedConversion,
};

use crate::{
	pallet::{
		ApprovalsOf, ApprovedKeys, BalanceOf, Cohorts, ComputationOf, Computations, Config,
		Devices, Error, Event, HoldReason, NextComputationId, NextRequestId, Pallet, Providers,
		RequestOf, Requests, ResultOf, Results, VidOf,
	},
	ComputationId, EncryptionKey, RequestId, RequestStatus, APPROVE_TAG,
};

impl<T: Config> Pallet<T> {
	/// What a record's address signs to let a device's owner put the record into a request.
	pub fn approve_payload(request: RequestId, vid: &[u8], record: &H256) -> alloc::vec::Vec<u8> {
		(APPROVE_TAG, Self::genesis(), request, vid, record).encode()
	}

	/// Errors: `AlreadyProvider`, `InsufficientFunds`.
	pub(crate) fn do_register_provider(provider: T::AccountId) -> DispatchResult {
		ensure!(!Providers::<T>::contains_key(&provider), Error::<T>::AlreadyProvider);
		let amount = T::RegistrationDeposit::get();
		deposit::hold::<_, T::Currency>(&HoldReason::Deposit.into(), &provider, amount)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		Providers::<T>::insert(&provider, (amount, 0));
		Self::deposit_event(Event::ProviderRegistered { provider });
		Ok(())
	}

	/// Errors: `NotProvider`, `ProviderHasComputations`.
	pub(crate) fn do_unregister_provider(provider: T::AccountId) -> DispatchResult {
		let (amount, computations) =
			Providers::<T>::get(&provider).ok_or(Error::<T>::NotProvider)?;
		ensure!(computations == 0, Error::<T>::ProviderHasComputations);
		Providers::<T>::remove(&provider);
		deposit::release::<_, T::Currency>(&HoldReason::Deposit.into(), &provider, amount)?;
		Self::deposit_event(Event::ProviderUnregistered { provider });
		Ok(())
	}

	/// Errors: `NotProvider`, `TooManyComputations`, `InsufficientFunds`, `Overflow`.
	pub(crate) fn do_register_computation(
		provider: T::AccountId,
		code_hash: H256,
		executor: T::AccountId,
		executor_key: EncryptionKey,
	) -> DispatchResult {
		let (reg, count) = Providers::<T>::get(&provider).ok_or(Error::<T>::NotProvider)?;
		ensure!(count < T::MaxComputations::get(), Error::<T>::TooManyComputations);
		let id = NextComputationId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let amount = T::ComputationDeposit::get();
		deposit::hold::<_, T::Currency>(&HoldReason::Deposit.into(), &provider, amount)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		let computation: ComputationOf<T> = crate::Computation {
			provider: provider.clone(),
			code_hash,
			executor: executor.clone(),
			executor_key,
			open_requests: 0,
			deposit: amount,
		};
		Computations::<T>::insert(id, computation);
		NextComputationId::<T>::put(next);
		Providers::<T>::insert(&provider, (reg, count.saturating_add(1)));
		Self::deposit_event(Event::ComputationRegistered {
			computation: id,
			provider,
			code_hash,
			executor,
		});
		Ok(())
	}

	/// Errors: `UnknownComputation`, `NotComputationProvider`, `ComputationInUse`.
	pub(crate) fn do_remove_computation(
		provider: T::AccountId,
		id: ComputationId,
	) -> DispatchResult {
		let c = Computations::<T>::get(id).ok_or(Error::<T>::UnknownComputation)?;
		ensure!(c.provider == provider, Error::<T>::NotComputationProvider);
		ensure!(c.open_requests == 0, Error::<T>::ComputationInUse);
		Computations::<T>::remove(id);
		Providers::<T>::mutate(&provider, |p| {
			if let Some((_, count)) = p {
				*count = count.saturating_sub(1);
			}
		});
		deposit::release::<_, T::Currency>(&HoldReason::Deposit.into(), &provider, c.deposit)?;
		Self::deposit_event(Event::ComputationRemoved { computation: id });
		Ok(())
	}

	/// Errors: `UnknownComputation`, `NotComputationProvider`, `ZeroPayment`,
	/// `CohortBelowMinimum`, `CohortAboveMaximum`, `DeadlineInPast`, `DeadlineTooFar`,
	/// `InsufficientFunds`,
	/// `Overflow`.
	pub(crate) fn do_request_usage(
		requester: T::AccountId,
		computation: ComputationId,
		payment: BalanceOf<T>,
		min_cohort: u32,
		encryption_key: EncryptionKey,
		deadline: BlockNumberFor<T>,
	) -> DispatchResult {
		let mut c = Computations::<T>::get(computation).ok_or(Error::<T>::UnknownComputation)?;
		ensure!(c.provider == requester, Error::<T>::NotComputationProvider);
		ensure!(!payment.is_zero(), Error::<T>::ZeroPayment);
		ensure!(min_cohort >= T::MinCohort::get(), Error::<T>::CohortBelowMinimum);
		ensure!(min_cohort <= T::MaxCohort::get(), Error::<T>::CohortAboveMaximum);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(deadline > now, Error::<T>::DeadlineInPast);
		ensure!(
			deadline <= now.saturating_add(T::MaxRequestLife::get()),
			Error::<T>::DeadlineTooFar
		);
		let id = NextRequestId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		c.open_requests = c.open_requests.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let amount = T::RequestDeposit::get();
		deposit::hold::<_, T::Currency>(&HoldReason::Deposit.into(), &requester, amount)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		T::Currency::hold(&HoldReason::Escrow.into(), &requester, payment)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		let request: RequestOf<T> = crate::UsageRequest {
			computation,
			requester: requester.clone(),
			payment,
			min_cohort,
			encryption_key,
			deadline,
			cohort: 0,
			records: 0,
			status: RequestStatus::Open,
			deposit: amount,
		};
		Requests::<T>::insert(id, request);
		Computations::<T>::insert(computation, c);
		NextRequestId::<T>::put(next);
		Self::deposit_event(Event::UsageRequested {
			request: id,
			computation,
			requester,
			payment,
			min_cohort,
			deadline,
		});
		Ok(())
	}

	/// Errors: `UnknownRequest`, `RequestClosed`, `UnknownDevice`, `NotDeviceOwner`,
	/// `NoRecords`, `AlreadyApproved`, `CohortFull`, `UnknownRecord`, `RecordApprovedTwice`,
	/// `MissingConsent`, `BadAddressSignature`, `InsufficientFunds`, `Overflow`.
	pub(crate) fn do_approve_usage(
		owner: T::AccountId,
		id: RequestId,
		vid: VidOf<T>,
		records: ApprovalsOf<T>,
	) -> DispatchResult {
		let mut request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			request.status == RequestStatus::Open && now <= request.deadline,
			Error::<T>::RequestClosed
		);
		let device = Devices::<T>::get(&vid).ok_or(Error::<T>::UnknownDevice)?;
		ensure!(device.owner == owner, Error::<T>::NotDeviceOwner);
		ensure!(!records.is_empty(), Error::<T>::NoRecords);
		let mut cohort = Cohorts::<T>::get(id);
		ensure!(!cohort.iter().any(|c| c.vid == vid), Error::<T>::AlreadyApproved);
		for a in records.iter() {
			let record = crate::Records::<T>::get(a.record).ok_or(Error::<T>::UnknownRecord)?;
			ensure!(
				!ApprovedKeys::<T>::contains_key(id, a.record),
				Error::<T>::RecordApprovedTwice
			);
			if record.address != owner {
				let consent = a.consent.as_ref().ok_or(Error::<T>::MissingConsent)?;
				let payload = Self::approve_payload(id, &vid, &a.record);
				ensure!(
					Self::verify(consent, &payload, &record.address),
					Error::<T>::BadAddressSignature
				);
			}
			// Inserted as we go so that a record listed twice in one approval is caught too;
			// an error undoes the whole call.
			ApprovedKeys::<T>::insert(id, a.record, a.wrapped_key.clone());
		}
		let n = records.len() as u32;
		let amount = T::ApprovalDeposit::get().saturating_mul(n.into());
		deposit::hold::<_, T::Currency>(&HoldReason::Deposit.into(), &owner, amount)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		cohort
			.try_push(crate::Contribution {
				vid: vid.clone(),
				contributor: owner.clone(),
				records: n,
				deposit: amount,
			})
			.map_err(|_| Error::<T>::CohortFull)?;
		request.cohort = cohort.len() as u32;
		request.records = request.records.checked_add(n).ok_or(Error::<T>::Overflow)?;
		let size = request.cohort;
		Cohorts::<T>::insert(id, cohort);
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::UsageApproved {
			request: id,
			vid,
			contributor: owner,
			records: n,
			cohort: size,
		});
		Ok(())
	}

	/// Errors: `UnknownRequest`, `RequestClosed`, `NotExecutor`, `CohortIncomplete`,
	/// `ResultHashMismatch`. Returns how many contributors were paid.
	pub(crate) fn do_submit_result(
		executor: T::AccountId,
		id: RequestId,
		result_hash: H256,
		result: ResultOf<T>,
	) -> Result<u32, DispatchError> {
		let mut request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(request.status == RequestStatus::Open, Error::<T>::RequestClosed);
		let c =
			Computations::<T>::get(request.computation).ok_or(Error::<T>::UnknownComputation)?;
		ensure!(c.executor == executor, Error::<T>::NotExecutor);
		ensure!(request.cohort >= request.min_cohort, Error::<T>::CohortIncomplete);
		ensure!(
			H256(sp_io::hashing::blake2_256(&result)) == result_hash,
			Error::<T>::ResultHashMismatch
		);
		let (paid, refunded) = Self::pay_cohort(id, &request)?;
		let now = frame_system::Pallet::<T>::block_number();
		request.status = RequestStatus::Done { result_hash, at: now };
		Requests::<T>::insert(id, &request);
		Results::<T>::insert(id, result);
		Self::deposit_event(Event::ResultSubmitted { request: id, result_hash, paid, refunded });
		Ok(request.cohort)
	}

	/// Pays the escrowed payment to the cohort pro rata by records, the rounding back to the
	/// requester. Returns (paid, refunded).
	fn pay_cohort(
		id: RequestId,
		request: &RequestOf<T>,
	) -> Result<(BalanceOf<T>, BalanceOf<T>), DispatchError> {
		let payment: u128 = request.payment.saturated_into();
		let mut paid = BalanceOf::<T>::zero();
		if request.records > 0 {
			for c in Cohorts::<T>::get(id).iter() {
				let share = multiply_by_rational_with_rounding(
					payment,
					c.records as u128,
					request.records as u128,
					Rounding::Down,
				)
				.ok_or(Error::<T>::Overflow)?;
				let share: BalanceOf<T> = share.saturated_into();
				Self::pay_held(&request.requester, &c.contributor, share)?;
				paid = paid.saturating_add(share);
			}
		}
		let refunded = request.payment.saturating_sub(paid);
		T::Currency::release(
			&HoldReason::Escrow.into(),
			&request.requester,
			refunded,
			Precision::Exact,
		)?;
		Ok((paid, refunded))
	}

	/// Anyone may call it after the deadline (the outcome is fixed by then), so contributors'
	/// deposits never wait on a requester who stays away.
	///
	/// Errors: `UnknownRequest`, `RequestClosed`, `DeadlineNotReached`.
	/// Returns the size of the cohort removed, for the weight (the benchmark gives each
	/// device `MaxApprovalRecords` records).
	pub(crate) fn do_cancel_request(
		_who: T::AccountId,
		id: RequestId,
	) -> Result<u32, DispatchError> {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(request.status == RequestStatus::Open, Error::<T>::RequestClosed);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now > request.deadline, Error::<T>::DeadlineNotReached);
		// A complete cohort is paid even without a result: withholding it gains the requester
		// nothing.
		let (paid, refunded) = if request.cohort >= request.min_cohort {
			Self::pay_cohort(id, &request)?
		} else {
			T::Currency::release(
				&HoldReason::Escrow.into(),
				&request.requester,
				request.payment,
				Precision::Exact,
			)?;
			(Zero::zero(), request.payment)
		};
		let removed = Self::remove_request(id, &request)?;
		Self::deposit_event(Event::RequestCancelled { request: id, paid, refunded });
		Ok(removed)
	}

	/// Errors: `UnknownRequest`, `RequestNotDone`, `RetentionNotOver`.
	pub(crate) fn do_close_request(who: T::AccountId, id: RequestId) -> Result<u32, DispatchError> {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		let RequestStatus::Done { at, .. } = request.status else {
			return Err(Error::<T>::RequestNotDone.into());
		};
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			who == request.requester || now >= at.saturating_add(T::ResultRetention::get()),
			Error::<T>::RetentionNotOver
		);
		let removed = Self::remove_request(id, &request)?;
		Self::deposit_event(Event::RequestClosed { request: id });
		Ok(removed)
	}

	/// Removes a request with its cohort, approved keys and result, returning every deposit;
	/// the escrow is settled already. Returns (cohort, records).
	fn remove_request(id: RequestId, request: &RequestOf<T>) -> Result<u32, DispatchError> {
		let cohort = Cohorts::<T>::take(id);
		for c in cohort.iter() {
			deposit::release::<_, T::Currency>(
				&HoldReason::Deposit.into(),
				&c.contributor,
				c.deposit,
			)?;
		}
		// Bounded: at most `MaxCohort × MaxApprovalRecords` keys, which the weight counts.
		let _ = ApprovedKeys::<T>::clear_prefix(id, request.records, None);
		Results::<T>::remove(id);
		Requests::<T>::remove(id);
		Computations::<T>::mutate(request.computation, |c| {
			if let Some(c) = c {
				c.open_requests = c.open_requests.saturating_sub(1);
			}
		});
		deposit::release::<_, T::Currency>(
			&HoldReason::Deposit.into(),
			&request.requester,
			request.deposit,
		)?;
		Ok(cohort.len() as u32)
	}
}
