//! Appointments: booking an issuer's time, confirming, no-shows, cancelling and settling.

use frame_support::{ensure, pallet_prelude::*, traits::UnixTime};

use crate::{
	pallet::{
		AppointmentOf, Appointments, CoinOf, Config, Error, Event, HoldReason, Issuers,
		NextAppointmentId, Pallet, Schedules,
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

	/// Checks that `[begin, end)` can be booked with `issuer`: in the future, free, and the
	/// schedule not full. Reads only.
	pub(crate) fn check_booking(
		issuer: &T::AccountId,
		begin: Seconds,
		end: Seconds,
	) -> Result<Slot, DispatchError> {
		ensure!(begin >= Self::now(), Error::<T>::AppointmentInPast);
		let schedule = Schedules::<T>::get(issuer);
		ensure!(
			(schedule.len() as u32) < T::MaxOpenAppointments::get(),
			Error::<T>::TooManyAppointments
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

	/// Books a checked slot: stores the appointment, holds its deposit from the holder.
	pub(crate) fn book(
		slot: Slot,
		issuer: &T::AccountId,
		holder: &T::AccountId,
		begin: Seconds,
		end: Seconds,
		pour_id: PourId,
	) -> Result<AppointmentId, DispatchError> {
		let deposit = T::CoinDeposit::get();
		Self::hold(&HoldReason::CoinDeposit, holder, deposit)?;
		let id = NextAppointmentId::<T>::mutate(|n| {
			let id = *n;
			*n = n.saturating_add(1);
			id
		});
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

	pub(crate) fn do_cancel(who: &T::AccountId, id: AppointmentId) -> DispatchResult {
		let a = Appointments::<T>::get(id).ok_or(Error::<T>::UnknownAppointment)?;
		ensure!(&a.issuer == who, Error::<T>::NotIssuer);
		// Once the holder reported a no-show, cancelling would erase the no-show from the record.
		ensure!(matches!(a.status, AppointmentStatus::Booked { .. }), Error::<T>::WrongStatus);
		Self::refund(id, a, false)
	}

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

	pub(crate) fn do_report_no_show(who: &T::AccountId, id: AppointmentId) -> DispatchResult {
		let mut a = Appointments::<T>::get(id).ok_or(Error::<T>::UnknownAppointment)?;
		ensure!(&a.holder == who, Error::<T>::NotHolder);
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
		Issuers::<T>::mutate(&a.issuer, |i| {
			if let Some(i) = i {
				i.contested = i.contested.saturating_add(1);
			}
		});
		Self::deposit_event(Event::NoShowContested { id, issuer: who.clone() });
		// The chain cannot tell who is right; a contested report settles as kept and stays on the
		// issuer's record as `contested`, for counterparties to weigh.
		Self::settle_kept(id, a)
	}

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
				Self::refund(id, a, true)
			},
			AppointmentStatus::NoShowContested => Self::settle_kept(id, a),
		}
	}

	/// The appointment was kept: its seconds are paid, no longer outstanding.
	fn settle_kept(id: AppointmentId, a: AppointmentOf<T>) -> DispatchResult {
		let seconds = a.seconds();
		Self::close(id, &a)?;
		Issuers::<T>::mutate(&a.issuer, |i| {
			if let Some(i) = i {
				i.outstanding = i.outstanding.saturating_sub(seconds);
			}
		});
		Self::deposit_event(Event::AppointmentSettled { id, issuer: a.issuer, seconds });
		Ok(())
	}

	/// The holder gets the appointment's seconds back as a new coin. Outstanding is unchanged:
	/// the seconds move from the appointment to a live coin, and so does the deposit.
	fn refund(id: AppointmentId, a: AppointmentOf<T>, no_show: bool) -> DispatchResult {
		Appointments::<T>::remove(id);
		Self::unschedule(&a.issuer, id);
		let pour_id = Self::next_pour_id();
		let coin = CoinId::from(utxo_core::coin_id(COIN_ID_DOMAIN, pour_id, 0));
		Self::insert_coin(
			coin,
			CoinOf::<T> {
				pour_id,
				issuer: a.issuer.clone(),
				holder: a.holder.clone(),
				amount: a.seconds(),
				depositor: a.holder.clone(),
				deposit: a.deposit,
			},
		);
		if no_show {
			Issuers::<T>::mutate(&a.issuer, |i| {
				if let Some(i) = i {
					i.no_shows = i.no_shows.saturating_add(1);
				}
			});
		}
		Self::deposit_event(Event::AppointmentRefunded { id, holder: a.holder, coin, no_show });
		Ok(())
	}

	/// Removes a closed appointment and returns its deposit to the holder.
	fn close(id: AppointmentId, a: &AppointmentOf<T>) -> DispatchResult {
		Appointments::<T>::remove(id);
		Self::unschedule(&a.issuer, id);
		Self::release(&HoldReason::CoinDeposit, &a.holder, a.deposit)
	}

	fn unschedule(issuer: &T::AccountId, id: AppointmentId) {
		Schedules::<T>::mutate_exists(issuer, |s| {
			if let Some(list) = s {
				list.retain(|&(_, _, x)| x != id);
				if list.is_empty() {
					*s = None;
				}
			}
		});
	}
}
