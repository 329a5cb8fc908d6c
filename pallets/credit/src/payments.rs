//! Multi-hop payment along lines, and netting of debt cycles.

use alloc::collections::btree_map::BTreeMap;
use frame_support::ensure;
use sp_runtime::DispatchResult;

use crate::{
	pallet::{Config, EdgesOf, Error, Event, Lines, Pallet, RouteOf},
	Amount, Unit,
};

impl<T: Config> Pallet<T> {
	/// Errors: `ZeroAmount`, `EmptyRoute`, `RouteRepeats`, then per hop those of `do_hop`.
	pub(crate) fn do_pay(
		payer: &T::AccountId,
		route: RouteOf<T>,
		unit: Unit,
		amount: Amount,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		ensure!(!route.is_empty(), Error::<T>::EmptyRoute);
		// A repeated account would make a loop through which a hop could use capacity that an
		// earlier hop of the same payment freed; a route is a simple path.
		for (i, a) in route.iter().enumerate() {
			ensure!(a != payer && !route[..i].contains(a), Error::<T>::RouteRepeats);
		}
		let mut from = payer;
		for to in route.iter() {
			Self::do_hop(from, to, unit, amount)?;
			from = to;
		}
		Self::deposit_event(Event::Paid { payer: payer.clone(), route, unit, amount });
		Ok(())
	}

	/// `from` pays `to` `amount`: first what `to` owes `from` is cancelled, then the rest is
	/// added to what `from` owes `to` on `to`'s line to `from`.
	///
	/// Errors: `NoCapacity` (no line either way), and those of `add_debt` for the rest.
	fn do_hop(
		from: &T::AccountId,
		to: &T::AccountId,
		unit: Unit,
		amount: Amount,
	) -> DispatchResult {
		let owed_to_me = Lines::<T>::get((from, to, unit));
		let cancelled = owed_to_me.as_ref().map_or(0, |l| l.debt.min(amount));
		let rest = amount.saturating_sub(cancelled);
		if rest > 0 {
			let mut line = Lines::<T>::get((to, from, unit)).ok_or(if owed_to_me.is_some() {
				Error::<T>::BeyondLimit
			} else {
				Error::<T>::NoCapacity
			})?;
			Self::add_debt(from, unit, &mut line, rest)?;
			Lines::<T>::insert((to, from, unit), line);
		}
		if let Some(mut line) = owed_to_me {
			if cancelled > 0 {
				line.debt = line.debt.saturating_sub(cancelled);
				Self::store_line(from, to, unit, line)?;
			}
		}
		Ok(())
	}

	/// Errors: `NothingToNet`, `ZeroAmount`, `SelfLine`, `DuplicateEdge`, `NoLine`,
	/// `AboveDebt`, `Overflow`, `PositionChanged`.
	pub(crate) fn do_net(by: &T::AccountId, unit: Unit, edges: EdgesOf<T>) -> DispatchResult {
		ensure!(!edges.is_empty(), Error::<T>::NothingToNet);
		// Per participant: how much less it is owed, and how much less it owes.
		let mut moves: BTreeMap<&T::AccountId, (Amount, Amount)> = BTreeMap::new();
		let mut total: Amount = 0;
		for (i, e) in edges.iter().enumerate() {
			ensure!(e.amount > 0, Error::<T>::ZeroAmount);
			ensure!(e.lender != e.borrower, Error::<T>::SelfLine);
			ensure!(
				!edges[..i].iter().any(|d| d.lender == e.lender && d.borrower == e.borrower),
				Error::<T>::DuplicateEdge
			);
			let line = Lines::<T>::get((&e.lender, &e.borrower, unit)).ok_or(Error::<T>::NoLine)?;
			ensure!(line.debt >= e.amount, Error::<T>::AboveDebt);
			let lender = moves.entry(&e.lender).or_default();
			lender.0 = lender.0.checked_add(e.amount).ok_or(Error::<T>::Overflow)?;
			let borrower = moves.entry(&e.borrower).or_default();
			borrower.1 = borrower.1.checked_add(e.amount).ok_or(Error::<T>::Overflow)?;
			total = total.checked_add(e.amount).ok_or(Error::<T>::Overflow)?;
		}
		ensure!(moves.values().all(|(a, b)| a == b), Error::<T>::PositionChanged);
		for e in edges.iter() {
			let key = (e.lender.clone(), e.borrower.clone(), unit);
			if let Some(mut line) = Lines::<T>::get(&key) {
				line.debt = line.debt.saturating_sub(e.amount);
				Self::store_line(&e.lender, &e.borrower, unit, line)?;
			}
		}
		Self::deposit_event(Event::Netted {
			by: by.clone(),
			unit,
			edges: edges.len() as u32,
			total,
		});
		Ok(())
	}
}
