//! Planned issuance and the per-block task queue (planned issues, loan installments).

use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{CheckedAdd, CheckedMul, Saturating};

use crate::{
	pallet::{Config, Due, DueCursor, Error, Event, Kinds, Pallet, Rulebook},
	types::*,
	WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// The block period `period` of a schedule or distribution falls due.
	pub(crate) fn period_block(
		start: BlockNumberFor<T>,
		every: BlockNumberFor<T>,
		period: u32,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		every
			.checked_mul(&period.into())
			.and_then(|d| start.checked_add(&d))
			.ok_or(Error::<T>::Overflow.into())
	}

	/// The beneficiary account of a schedule.
	pub(crate) fn beneficiary(jtid: &JtId, to: &Beneficiary<T::AccountId>) -> T::AccountId {
		match to {
			Beneficiary::Incubation => Self::incubation_account(jtid),
			Beneficiary::Account(a) => a.clone(),
		}
	}

	/// Checks an issue item against the rules: the schedule's next period, due now, paying
	/// exactly its beneficiary its amount.
	///
	/// Errors: `UnknownKind`, `UnknownSchedule`, `ScheduleDone`, `AlreadyIssued`, `NotDue`,
	/// `Deviation`, `Overflow`.
	pub(crate) fn check_issue(
		jtid: &JtId,
		schedule: u8,
		period: u32,
		to: &T::AccountId,
		amount: Amount,
	) -> DispatchResult {
		let rules = Rulebook::<T>::get(jtid).ok_or(Error::<T>::UnknownKind)?;
		let kind = Kinds::<T>::get(jtid).ok_or(Error::<T>::UnknownKind)?;
		let s = rules.planned.get(schedule as usize).ok_or(Error::<T>::UnknownSchedule)?;
		let (next, _) = kind.next.get(schedule as usize).ok_or(Error::<T>::UnknownSchedule)?;
		ensure!(period >= *next, Error::<T>::AlreadyIssued);
		ensure!(*next < s.count, Error::<T>::ScheduleDone);
		ensure!(period == *next, Error::<T>::NotDue);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(Self::period_block(s.start, s.every, period)? <= now, Error::<T>::NotDue);
		ensure!(to == &Self::beneficiary(jtid, &s.to) && amount == s.amount, Error::<T>::Deviation);
		Ok(())
	}

	/// Issues the next period of a schedule (checked by the caller) and queues the one after;
	/// `payer` pays the deposit of a new ledger entry.
	///
	/// Errors: `UnknownKind`, `UnknownSchedule`, `Overflow`, `InsufficientDeposit`.
	pub(crate) fn apply_issue(jtid: &JtId, schedule: u8, payer: &T::AccountId) -> DispatchResult {
		let rules = Rulebook::<T>::get(jtid).ok_or(Error::<T>::UnknownKind)?;
		let mut kind = Kinds::<T>::get(jtid).ok_or(Error::<T>::UnknownKind)?;
		let s = rules.planned.get(schedule as usize).ok_or(Error::<T>::UnknownSchedule)?;
		let slot = kind.next.get_mut(schedule as usize).ok_or(Error::<T>::UnknownSchedule)?;
		let (period, queued) = *slot;
		let to = Self::beneficiary(jtid, &s.to);
		let task = DueTask::Planned { jtid: *jtid, schedule };
		Due::<T>::remove(queued, &task);
		let following = period.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let now = frame_system::Pallet::<T>::block_number();
		let due =
			Self::period_block(s.start, s.every, following)?.max(now.saturating_add(1u32.into()));
		*slot = (following, due);
		if following < s.count {
			Due::<T>::insert(due, &task, ());
		}
		Kinds::<T>::insert(jtid, kind);
		Self::mint_supply(jtid, s.amount)?;
		Self::credit(jtid, &to, s.amount, payer)?;
		Self::deposit_event(Event::Issued { jtid: *jtid, schedule, period, to, amount: s.amount });
		Ok(())
	}

	/// Queues `task` at `block`, or at the next block if `block` is not in the future.
	pub(crate) fn queue(block: BlockNumberFor<T>, task: DueTask) -> BlockNumberFor<T> {
		let now = frame_system::Pallet::<T>::block_number();
		let at = block.max(now.saturating_add(1u32.into()));
		Due::<T>::insert(at, task, ());
		at
	}

	/// Does at most `MaxDuePerBlock` due tasks, oldest block first, each in its own storage
	/// layer so that one failure does not undo the others. Tasks left over wait for the
	/// next block; the cursor never skips a block that still has tasks.
	pub(crate) fn run_due(now: BlockNumberFor<T>) -> Weight {
		let mut budget = T::MaxDuePerBlock::get();
		let mut done = 0u32;
		let mut steps = 0u32;
		let mut block = DueCursor::<T>::get().unwrap_or(now);
		// Looking at a block costs a read: look at no more blocks than tasks may be done, so
		// a long stretch of empty blocks is crossed over several blocks.
		while block <= now && steps < T::MaxDuePerBlock::get() {
			steps = steps.saturating_add(1);
			let tasks: alloc::vec::Vec<DueTask> =
				Due::<T>::iter_key_prefix(block).take(budget as usize).collect();
			for task in tasks {
				Due::<T>::remove(block, &task);
				Self::run_task(task);
				budget = budget.saturating_sub(1);
				done = done.saturating_add(1);
			}
			if budget == 0 && Due::<T>::iter_key_prefix(block).next().is_some() {
				break;
			}
			block = block.saturating_add(1u32.into());
			if budget == 0 {
				break;
			}
		}
		DueCursor::<T>::put(block);
		T::WeightInfo::run_due(done, steps)
	}

	fn run_task(task: DueTask) {
		match task {
			DueTask::Planned { jtid, schedule } => {
				let Some(rules) = Rulebook::<T>::get(jtid) else { return };
				let Some(kind) = Kinds::<T>::get(jtid) else { return };
				let Some((period, _)) = kind.next.get(schedule as usize).copied() else { return };
				// A planned issue the hook makes creates a missing entry at the deployer's
				// cost: the deployer wrote the schedule.
				let result = frame_support::storage::with_storage_layer(|| {
					Self::apply_issue(&jtid, schedule, &rules.deployer)
				});
				if let Err(error) = result {
					// Try again one period later: the schedule is not lost, and an issue
					// item may still claim this period as soon as it can be paid.
					if let Some(s) = rules.planned.get(schedule as usize) {
						let now = frame_system::Pallet::<T>::block_number();
						let at = Self::queue(
							now.saturating_add(s.every),
							DueTask::Planned { jtid, schedule },
						);
						Kinds::<T>::mutate(jtid, |k| {
							let slot = k.as_mut().and_then(|k| k.next.get_mut(schedule as usize));
							if let Some((_, due)) = slot {
								*due = at;
							}
						});
					}
					Self::deposit_event(Event::IssueFailed { jtid, schedule, period, error });
				}
			},
			DueTask::Repay { loan } => Self::take_installment(loan),
		}
	}
}
