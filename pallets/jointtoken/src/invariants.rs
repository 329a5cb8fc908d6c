//! Invariants checked by `try_state` (and by every unit test after each step).

use alloc::collections::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{traits::Zero, Saturating, TryRuntimeError};

use crate::{
	pallet::{
		Automatic, BalanceOf, Config, Due, HoldReason, Kinds, Ledger, Loans, LoansOf, Mentors,
		Pallet, Preorders, Presales, Rulebook, Seen, SeenCount, Users,
	},
	types::*,
};

impl<T: Config> Pallet<T> {
	/// - supply: each kind's supply equals its free and market-escrowed balances plus its
	///   presales' escrow; each presale's escrow is the sum of its preorders';
	/// - counts: each kind's entry and record counts, each automatic account's holdings,
	///   each user's open presales and loans, and the replay-key counts match storage;
	/// - deposits: each account's `Deposit` hold is the sum of the deposits it paid;
	/// - loans: every funded loan with installments left is queued at its next due block,
	///   and every open loan is listed under its borrower.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut owe = |who: &T::AccountId, amount: BalanceOf<T>| {
			let e = deposits.entry(who.clone()).or_insert_with(Zero::zero);
			*e = e.saturating_add(amount);
		};
		let mut held: BTreeMap<JtId, (Amount, u32)> = BTreeMap::new();
		let mut holdings: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (jtid, who, e) in Ledger::<T>::iter() {
			let h = held.entry(jtid).or_default();
			h.0 = h.0.saturating_add(e.free).saturating_add(e.escrowed);
			h.1 = h.1.saturating_add(1);
			*holdings.entry(who).or_default() += 1;
			owe(&e.payer, e.deposit);
		}
		let mut records: BTreeMap<JtId, u32> = BTreeMap::new();
		let mut open: BTreeMap<(JtId, T::AccountId), u32> = BTreeMap::new();
		for (id, p) in Presales::<T>::iter() {
			let mut escrow: Amount = 0;
			let mut count = 0u32;
			for (_, o) in Preorders::<T>::iter_prefix(id) {
				escrow = escrow.saturating_add(o.paid);
				count += 1;
			}
			ensure!(escrow == p.escrowed, "a presale's escrow differs from its preorders'");
			ensure!(count == p.open_preorders, "a presale's preorder count is wrong");
			let h = held.entry(p.jtid).or_default();
			h.0 = h.0.saturating_add(p.escrowed);
			*records.entry(p.jtid).or_default() += 1;
			*open.entry((p.jtid, p.seller.clone())).or_default() += 1;
			owe(&p.seller, p.deposit);
		}
		for (_, buyer, o) in Preorders::<T>::iter() {
			owe(&buyer, o.deposit);
		}
		for (id, l) in Loans::<T>::iter() {
			*records.entry(l.jtid).or_default() += 1;
			*open.entry((l.jtid, l.borrower.clone())).or_default() += 1;
			owe(&l.borrower, l.deposit);
			ensure!(
				LoansOf::<T>::get(l.jtid, &l.borrower).contains(&id),
				"a loan missing from its borrower's list"
			);
			ensure!(l.paid <= l.total, "a loan paid beyond its total");
			if l.lender.is_some() && l.done < l.installments {
				let due = l.next_due.ok_or("a funded loan without its next installment")?;
				ensure!(
					Due::<T>::contains_key(due, DueTask::Repay { loan: id }),
					"a loan installment missing from the queue"
				);
			}
		}
		for (jtid, k) in Kinds::<T>::iter() {
			ensure!(Rulebook::<T>::contains_key(jtid), "a kind without its rules");
			let (sum, entries) = held.remove(&jtid).unwrap_or_default();
			ensure!(sum == k.supply, "a kind's supply differs from its holdings");
			ensure!(entries == k.entries, "a kind's entry count is wrong");
			ensure!(
				records.remove(&jtid).unwrap_or(0) == k.records,
				"a kind's record count is wrong"
			);
			let deployer = Rulebook::<T>::get(jtid).map(|r| r.deployer).ok_or("no rules")?;
			owe(&deployer, k.deposit);
		}
		ensure!(held.is_empty(), "ledger entries of an unknown kind");
		for ((jtid, who), u) in Users::<T>::iter().map(|(j, w, u)| ((j, w), u)) {
			ensure!(
				open.remove(&(jtid, who.clone())).unwrap_or(0) == u.open,
				"a user's open count is wrong"
			);
			owe(&who, u.deposit);
		}
		ensure!(open.is_empty(), "a presale or loan of someone not an ordinary user");
		for (_, _, m) in Mentors::<T>::iter() {
			owe(&m.payer, m.deposit);
		}
		for (account, a) in Automatic::<T>::iter() {
			ensure!(
				holdings.get(&account).copied().unwrap_or(0) == a.holdings,
				"an automatic account's holdings count is wrong"
			);
			owe(&a.registrar, a.deposit);
		}
		for (expires, count) in SeenCount::<T>::iter() {
			ensure!(
				Seen::<T>::iter_key_prefix(expires).count() as u32 == count,
				"a replay-key count is wrong"
			);
		}
		for (who, amount) in deposits {
			let on_hold = T::Currency::balance_on_hold(&HoldReason::Deposit.into(), &who);
			ensure!(on_hold == amount, "a deposit hold differs from the deposits paid");
		}
		Ok(())
	}
}
