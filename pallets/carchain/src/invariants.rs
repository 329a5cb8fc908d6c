//! Invariants checked by `try_state` (and by every unit test after each step).

use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, InspectHold},
		Get,
	},
};
use sp_runtime::{traits::Zero, Saturating, TryRuntimeError};

use crate::{
	pallet::{
		Agents, ApprovedKeys, BalanceOf, Cohorts, Computations, Config, DeviceCount, Devices,
		DevicesOf, Emitted, EpochWork, Grants, HoldReason, NextComputationId, NextRequestId,
		Pallet, Providers, Purchases, Records, Requests, Results,
	},
	RequestStatus,
};

type Sums<T> = BTreeMap<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

fn add<T: Config>(sums: &mut Sums<T>, who: &T::AccountId, amount: BalanceOf<T>) {
	let e = sums.entry(who.clone()).or_insert_with(Zero::zero);
	*e = e.saturating_add(amount);
}

impl<T: Config> Pallet<T> {
	/// - every account's `Deposit` hold is the sum of the deposits of what it created here,
	///   and its `Escrow` hold the sum of its offers' prices and its open requests' payments;
	/// - devices and the owner index agree, counts included;
	/// - each record's grant count is its number of grants, and grants name live records;
	/// - phase 1's minted amount is the sum of the records' rewards; no phase is over its cap;
	///   the data token's issuance is what the phases minted;
	/// - requests' cohorts, record counts and approved keys agree; only done requests have a
	///   result; ids are below their counters.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut deposits: Sums<T> = BTreeMap::new();
		let mut escrow: Sums<T> = BTreeMap::new();

		let mut owners: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (vid, d) in Devices::<T>::iter() {
			ensure!(DevicesOf::<T>::contains_key(&d.owner, &vid), "device missing from index");
			*owners.entry(d.owner.clone()).or_default() += 1;
			add::<T>(&mut deposits, &d.owner, d.deposit);
		}
		for (owner, vid, ()) in DevicesOf::<T>::iter() {
			ensure!(
				Devices::<T>::get(&vid).is_some_and(|d| d.owner == owner),
				"index names a device of another owner"
			);
		}
		for (owner, count) in DeviceCount::<T>::iter() {
			ensure!(owners.get(&owner) == Some(&count), "device count is off");
			ensure!(count <= T::MaxDevicesPerOwner::get(), "too many devices");
		}
		ensure!(owners.len() == DeviceCount::<T>::iter().count(), "owner without a count");

		for (agent, amount) in Agents::<T>::iter() {
			add::<T>(&mut deposits, &agent, amount);
		}

		let mut rewards = BalanceOf::<T>::zero();
		for (id, r) in Records::<T>::iter() {
			ensure!(crate::record_id(&r.address, &r.key) == id, "record under a wrong id");
			add::<T>(&mut deposits, &r.depositor, r.deposit);
			rewards = rewards.saturating_add(r.reward);
			let grants = Grants::<T>::iter_prefix(id).count() as u32;
			ensure!(grants == r.grants, "grant count is off");
		}
		for (record, _, g) in Grants::<T>::iter() {
			ensure!(Records::<T>::contains_key(record), "grant of a removed record");
			add::<T>(&mut deposits, &g.depositor, g.deposit);
		}
		for (_, buyer, p) in Purchases::<T>::iter() {
			add::<T>(&mut deposits, &buyer, p.deposit);
			add::<T>(&mut escrow, &buyer, p.price);
		}

		let mut computations: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut open: BTreeMap<u32, u32> = BTreeMap::new();
		for (id, c) in Computations::<T>::iter() {
			ensure!(id < NextComputationId::<T>::get(), "a computation id from the future");
			ensure!(Providers::<T>::contains_key(&c.provider), "computation of no provider");
			*computations.entry(c.provider.clone()).or_default() += 1;
			add::<T>(&mut deposits, &c.provider, c.deposit);
		}
		for (provider, (amount, count)) in Providers::<T>::iter() {
			ensure!(computations.get(&provider).copied().unwrap_or(0) == count, "computations");
			add::<T>(&mut deposits, &provider, amount);
		}
		for (id, r) in Requests::<T>::iter() {
			ensure!(id < NextRequestId::<T>::get(), "a request id from the future");
			*open.entry(r.computation).or_default() += 1;
			add::<T>(&mut deposits, &r.requester, r.deposit);
			if r.status == RequestStatus::Open {
				add::<T>(&mut escrow, &r.requester, r.payment);
				ensure!(!Results::<T>::contains_key(id), "a result of an open request");
			} else {
				ensure!(Results::<T>::contains_key(id), "a done request without its result");
			}
			let cohort = Cohorts::<T>::get(id);
			ensure!(cohort.len() as u32 == r.cohort, "cohort size is off");
			let records = cohort.iter().fold(0u32, |n, c| n.saturating_add(c.records));
			ensure!(records == r.records, "cohort records are off");
			let keys = ApprovedKeys::<T>::iter_prefix(id).count() as u32;
			ensure!(keys == r.records, "approved keys are off");
			for c in cohort.iter() {
				add::<T>(&mut deposits, &c.contributor, c.deposit);
			}
		}
		for (id, c) in Computations::<T>::iter() {
			ensure!(open.get(&id).copied().unwrap_or(0) == c.open_requests, "open requests");
		}
		ensure!(
			Cohorts::<T>::iter_keys().all(Requests::<T>::contains_key),
			"a cohort of no request"
		);

		for (who, amount) in deposits.iter() {
			let held = T::Currency::balance_on_hold(&HoldReason::Deposit.into(), who);
			ensure!(held == *amount, "deposit hold != what the account created");
		}
		for (who, amount) in escrow.iter() {
			let held = T::Currency::balance_on_hold(&HoldReason::Escrow.into(), who);
			ensure!(held == *amount, "escrow hold != offers and open payments");
		}

		let emitted = Emitted::<T>::get();
		let caps = Self::caps();
		ensure!(emitted.producers == rewards, "phase 1 != the records' rewards");
		ensure!(emitted.producers <= caps.producers, "phase 1 over its cap");
		ensure!(emitted.agents <= caps.agents, "phase 2 over its cap");
		ensure!(emitted.sold <= caps.sold, "phase 3 over its cap");
		let minted = emitted.producers.saturating_add(emitted.agents).saturating_add(emitted.sold);
		// Holders may burn data tokens elsewhere, never mint them.
		let issuance = <T::DataToken as Inspect<T::AccountId>>::total_issuance();
		ensure!(issuance <= minted, "data tokens not minted by a phase");
		for (_, (total, claimed)) in EpochWork::<T>::iter() {
			ensure!(claimed < total, "a fully claimed epoch is kept");
		}
		Ok(())
	}
}
