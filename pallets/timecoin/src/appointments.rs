//! Appointments: booking an issuer's time, confirming, no-shows, disputes, cancelling and
//! settling, and the records and history they leave.

use frame_support::{ensure, pallet_prelude::*, traits::UnixTime};

use crate::{
	ledger::PalletLedger,
	pallet::{
		AppointmentOf, Appointments, CoinOf, Config, Error, Event, History, HoldReason, Holders,
		Issuers, NextAppointmentId, OpenBookings, Pallet, Schedules,
	},
	types::*,
	COIN_ID_DOMAIN,
};

/// Where a booking goes in the issuer's schedule, found by [`Pallet::check_booking`].
pub struct Slot(usize);

impl<T: Config> Pallet<T> {
	/// Now, in Unix seconds.
	pub(crate) fn now() -> Seconds {
		T::UnixTime::now().as_secs()
	}

	/// Checks that `holder` can book `[begin, end)` with `issuer`: in the future, within the
	/// horizon, free, and neither the schedule nor the holder's share of it full. Reads only.
	///
	/// Errors: `AppointmentInPast`, `BeyondHorizon`, `TooManyAppointments`,
	/// `TooManyWithIssuer`, `AppointmentOverlaps`.
	pub(crate) fn check_booking(
		issuer: &T::AccountId,
		holder: &T::AccountId,
		begin: Seconds,
		end: Seconds,
	) -> Result<Slot, DispatchError> {
		let now = Self::now();
		ensure!(begin >= now, Error::<T>::AppointmentInPast);
		ensure!(end <= now.saturating_add(T::MaxHorizon::get()), Error::<T>::BeyondHorizon);
		let schedule = Schedules::<T>::get(issuer);
		ensure!(
			(schedule.len() as u32) < T::MaxOpenAppointments::get(),
			Error::<T>::TooManyAppointments
		);
		ensure!(
			OpenBookings::<T>::get(issuer, holder) < T::MaxOpenPerHolder::get(),
			Error::<T>::TooManyWithIssuer
		);
		// Sorted by begin and disjoint: only the neighbours of the insertion point can overlap.
		let at = schedule.partition_point(|&(b, _, _)| b < begin);
		if let Some(&(_, prev_end, _)) = at.checked_sub(1).and_then(|i| schedule.get(i)) {
			ensure!(prev_end <= begin, Error::<T>::AppointmentOverlaps);
		}
		if let Some(&(next_begin, _, _)) = schedule.get(at) {
			ensure!(end <= next_begin, Error::<T>::AppointmentOverlaps);
		}
		Ok(Slot(at))
	}

	/// Books a checked slot: stores the appointment and holds its deposit from the holder,
	/// opening the holder's record (and its deposit) if it has none.
	///
	/// Errors: `InsufficientDeposit`, `IdsExhausted`, `TooManyAppointments`.
	pub(crate) fn book(
		slot: Slot,
		issuer: &T::AccountId,
		holder: &T::AccountId,
		begin: Seconds,
		end: Seconds,
		pour_id: PourId,
	) -> Result<AppointmentId, DispatchError> {
		let deposit = T::CoinDeposit::get();
		Self::hold_deposit(&HoldReason::CoinDeposit, holder, deposit)?;
		let mut record = match Holders::<T>::get(holder) {
			Some(record) => record,
			None => {
				let deposit = T::HolderDeposit::get();
				Self::hold_deposit(&HoldReason::HolderDeposit, holder, deposit)?;
				HolderDetails { deposit, ..Default::default() }
			},
		};
		record.open = record.open.saturating_add(1);
		Holders::<T>::insert(holder, record);
		OpenBookings::<T>::mutate(issuer, holder, |n| *n = n.saturating_add(1));
		let id = NextAppointmentId::<T>::get();
		NextAppointmentId::<T>::put(id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?);
		Schedules::<T>::try_mutate(issuer, |s| s.try_insert(slot.0, (begin, end, id)))
			.map_err(|_| Error::<T>::TooManyAppointments)?;
		Appointments::<T>::insert(
			id,
			AppointmentOf::<T> {
				issuer: issuer.clone(),
				holder: holder.clone(),
				begin,
				end,
				pour_id,
				status: AppointmentStatus::Booked {
					holder_confirmed: false,
					issuer_confirmed: false,
				},
				deposit,
			},
		);
		Ok(id)
	}

	/// The issuer cancels an appointment that has not begun; the holder is refunded.
	///
	/// Errors: `UnknownAppointment`, `NotIssuer`, `AlreadyBegun`.
	pub(crate) fn do_cancel(who: &T::AccountId, id: AppointmentId) -> DispatchResult {
		let a = Appointments::<T>::get(id).ok_or(Error::<T>::UnknownAppointment)?;
		ensure!(&a.issuer == who, Error::<T>::NotIssuer);
		// Once it has begun the holder may report a no-show; cancelling would erase it.
		ensure!(Self::now() < a.begin, Error::<T>::AlreadyBegun);
		Self::refund(id, a, ExerciseOutcome::Cancelled).map(|_| ())
	}

	/// Errors: `UnknownAppointment`, `NotParty`, `NotEnded`, `WrongStatus` (a no-show is
	/// reported), `AlreadyConfirmed`.
	pub(crate) fn do_confirm(who: &T::AccountId, id: AppointmentId) -> DispatchResult {
		let mut a = Appointments::<T>::get(id).ok_or(Error::<T>::UnknownAppointment)?;
		let is_holder = &a.holder == who;
		ensure!(is_holder || &a.issuer == who, Error::<T>::NotParty);
		ensure!(Self::now() >= a.end, Error::<T>::NotEnded);
		let AppointmentStatus::Booked { holder_confirmed, issuer_confirmed } = a.status else {
			return Err(Error::<T>::WrongStatus.into());
		};
		let (holder_confirmed, issuer_confirmed) = if is_holder {
			ensure!(!holder_confirmed, Error::<T>::AlreadyConfirmed);
			(true, issuer_confirmed)
		} else {
			ensure!(!issuer_confirmed, Error::<T>::AlreadyConfirmed);
			(holder_confirmed, true)
		};
		Self::deposit_event(Event::AppointmentConfirmed { id, by: who.clone() });
		if holder_confirmed && issuer_confirmed {
			Self::settle_kept(id, a)
		} else {
			a.status = AppointmentStatus::Booked { holder_confirmed, issuer_confirmed };
			Appointments::<T>::insert(id, a);
			Ok(())
		}
	}

	/// Errors: `UnknownAppointment`, `NotAppointmentHolder`, `NotStarted`, `ObjectionWindowClosed`,
	/// `AlreadyConfirmed`, `WrongStatus` (reported already).
	pub(crate) fn do_report_no_show(who: &T::AccountId, id: AppointmentId) -> DispatchResult {
		let mut a = Appointments::<T>::get(id).ok_or(Error::<T>::UnknownAppointment)?;
		ensure!(&a.holder == who, Error::<T>::NotAppointmentHolder);
		let now = Self::now();
		ensure!(now >= a.begin, Error::<T>::NotStarted);
		ensure!(
			now <= a.end.saturating_add(T::ObjectionWindow::get()),
			Error::<T>::ObjectionWindowClosed
		);
		match a.status {
			AppointmentStatus::Booked { holder_confirmed: false, .. } => {},
			AppointmentStatus::Booked { holder_confirmed: true, .. } => {
				return Err(Error::<T>::AlreadyConfirmed.into())
			},
			_ => return Err(Error::<T>::WrongStatus.into()),
		}
		a.status = AppointmentStatus::NoShowReported { at: now };
		Appointments::<T>::insert(id, a);
		Self::deposit_event(Event::NoShowReported { id, holder: who.clone() });
		Ok(())
	}

	/// The issuer contests a no-show report: a dispute. The chain cannot tell who is right,
	/// and the issuer's word alone does not discharge its debt, so the holder gets the seconds
	/// back and both records count the dispute.
	///
	/// Errors: `UnknownAppointment`, `NotIssuer`, `WrongStatus` (no report), `AnswerWindowClosed`.
	pub(crate) fn do_answer_no_show(who: &T::AccountId, id: AppointmentId) -> DispatchResult {
		let a = Appointments::<T>::get(id).ok_or(Error::<T>::UnknownAppointment)?;
		ensure!(&a.issuer == who, Error::<T>::NotIssuer);
		let AppointmentStatus::NoShowReported { at } = a.status else {
			return Err(Error::<T>::WrongStatus.into());
		};
		ensure!(
			Self::now() <= at.saturating_add(T::AnswerWindow::get()),
			Error::<T>::AnswerWindowClosed
		);
		let (issuer, holder) = (a.issuer.clone(), a.holder.clone());
		let coin = Self::refund(id, a, ExerciseOutcome::Disputed)?;
		Self::deposit_event(Event::AppointmentDisputed { id, issuer, holder, coin });
		Ok(())
	}

	/// Errors: `UnknownAppointment`, `TooEarlyToSettle`.
	pub(crate) fn do_settle(id: AppointmentId) -> DispatchResult {
		let a = Appointments::<T>::get(id).ok_or(Error::<T>::UnknownAppointment)?;
		let now = Self::now();
		match a.status {
			AppointmentStatus::Booked { .. } => {
				ensure!(
					now > a.end.saturating_add(T::ObjectionWindow::get()),
					Error::<T>::TooEarlyToSettle
				);
				Self::settle_kept(id, a)
			},
			AppointmentStatus::NoShowReported { at } => {
				ensure!(
					now > at.saturating_add(T::AnswerWindow::get()),
					Error::<T>::TooEarlyToSettle
				);
				Self::refund(id, a, ExerciseOutcome::NoShow).map(|_| ())
			},
		}
	}

	/// The appointment was kept: its seconds are paid, no longer outstanding.
	fn settle_kept(id: AppointmentId, a: AppointmentOf<T>) -> DispatchResult {
		let seconds = a.seconds();
		Self::close(id, &a, ExerciseOutcome::Settled)?;
		Self::release_deposit(&HoldReason::CoinDeposit, &a.holder, a.deposit)?;
		Issuers::<T>::mutate(&a.issuer, |i| {
			if let Some(i) = i {
				i.outstanding = i.outstanding.saturating_sub(seconds);
			}
		});
		Self::deposit_event(Event::AppointmentSettled { id, issuer: a.issuer, seconds });
		Ok(())
	}

	/// The holder gets the appointment's seconds back as a new coin, which takes over the
	/// appointment's deposit; outstanding is unchanged (the seconds move from the appointment
	/// to a live coin). Counts a no-show or a dispute as `outcome` says.
	fn refund(
		id: AppointmentId,
		a: AppointmentOf<T>,
		outcome: ExerciseOutcome,
	) -> Result<CoinId, DispatchError> {
		Self::close(id, &a, outcome)?;
		let pour_id = Self::next_pour_id()?;
		let coin = CoinId::from(utxo_core::coin_id(COIN_ID_DOMAIN, pour_id, 0));
		let details = CoinOf::<T> {
			pour_id,
			issuer: a.issuer.clone(),
			holder: a.holder.clone(),
			amount: a.seconds(),
			depositor: a.holder.clone(),
			deposit: a.deposit,
		};
		PalletLedger::<T>::insert(&coin.0, &details).map_err(Error::<T>::from)?;
		Issuers::<T>::mutate(&a.issuer, |i| {
			if let Some(i) = i {
				match outcome {
					ExerciseOutcome::NoShow => i.no_shows = i.no_shows.saturating_add(1),
					ExerciseOutcome::Disputed => i.disputes = i.disputes.saturating_add(1),
					_ => {},
				}
			}
		});
		if outcome == ExerciseOutcome::Disputed {
			Holders::<T>::mutate(&a.holder, |r| {
				if let Some(r) = r {
					r.disputes = r.disputes.saturating_add(1);
				}
			});
		}
		if outcome != ExerciseOutcome::Disputed {
			Self::deposit_event(Event::AppointmentRefunded {
				id,
				holder: a.holder,
				coin,
				no_show: outcome == ExerciseOutcome::NoShow,
			});
		}
		Ok(coin)
	}

	/// Removes a closed appointment from storage, the schedule and the holder's counts, and
	/// writes it into the issuer's history. The caller settles the appointment's deposit.
	fn close(id: AppointmentId, a: &AppointmentOf<T>, outcome: ExerciseOutcome) -> DispatchResult {
		Appointments::<T>::remove(id);
		Schedules::<T>::mutate_exists(&a.issuer, |s| {
			if let Some(list) = s {
				list.retain(|&(_, _, x)| x != id);
				if list.is_empty() {
					*s = None;
				}
			}
		});
		OpenBookings::<T>::mutate_exists(&a.issuer, &a.holder, |n| {
			*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
		let record = Holders::<T>::get(&a.holder).map(|mut r| {
			r.open = r.open.saturating_sub(1);
			r
		});
		match record {
			// The record goes when nothing is open and no dispute is on it (a dispute this
			// close records is counted by the caller, so keep the record for it).
			Some(r) if r.open == 0 && r.disputes == 0 && outcome != ExerciseOutcome::Disputed => {
				Holders::<T>::remove(&a.holder);
				Self::release_deposit(&HoldReason::HolderDeposit, &a.holder, r.deposit)?;
			},
			Some(r) => Holders::<T>::insert(&a.holder, r),
			None => {},
		}
		let entry = ExerciseRecord {
			id,
			holder: a.holder.clone(),
			begin: a.begin,
			end: a.end,
			outcome,
			closed: Self::now(),
		};
		History::<T>::mutate(&a.issuer, |h| {
			if h.is_full() {
				h.remove(0);
			}
			// Room was made above; a zero `MaxHistory` keeps no history.
			let _ = h.try_push(entry);
		});
		Ok(())
	}

	/// Errors: `NoCapacityDeclared`, `SecondsOutstanding`.
	pub(crate) fn do_retire(issuer: &T::AccountId) -> DispatchResult {
		let info = Issuers::<T>::get(issuer).ok_or(Error::<T>::NoCapacityDeclared)?;
		// Outstanding counts live coins, open appointments and escrow: zero means none is left.
		ensure!(info.outstanding == 0, Error::<T>::SecondsOutstanding);
		Self::release_deposit(&HoldReason::IssuerDeposit, issuer, info.deposit)?;
		History::<T>::remove(issuer);
		if info.no_shows == 0 && info.disputes == 0 {
			Issuers::<T>::remove(issuer);
		} else {
			// No-shows and disputes cannot be erased by retiring: the counts stay, without
			// capacity and without deposit; declaring a capacity again holds a new deposit.
			let kept = IssuerDetails { capacity: 0, deposit: Default::default(), ..info };
			Issuers::<T>::insert(issuer, kept);
		}
		Self::deposit_event(Event::IssuerRetired { issuer: issuer.clone() });
		Ok(())
	}
}
