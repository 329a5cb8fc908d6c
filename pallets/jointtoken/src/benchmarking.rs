//! Benchmarks of every call and of the hook (frame-benchmarking v2), each in the worst case a
//! user can build: distinct signing accounts per input, distinct new entries per output (each
//! one more deposit hold), real signatures of the runtime's scheme, the desk's market offer
//! opened by the purchase, borrowers with arrears in every loan slot.

use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::{
	traits::{Bounded, StaticLookup},
	Perbill,
};

use crate::{pallet::*, traits::BenchmarkHelper, types::*};

fn funded<T: Config>(who: &T::AccountId) {
	T::Currency::set_balance(who, BalanceOf::<T>::max_value() / 1_000_000u32.into());
}

fn named<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	funded::<T>(&who);
	who
}

fn signer<T: Config>(i: u32) -> T::AccountId {
	let who = T::BenchmarkHelper::signer(i);
	funded::<T>(&who);
	who
}

fn set_block<T: Config>(n: u32) {
	frame_system::Pallet::<T>::set_block_number(n.into());
}

fn price(cod: Amount, jt: Amount) -> Price {
	Price { cod, jt }
}

/// Rules of the costliest kind: a full policy text, `s` schedules paying distinct accounts
/// from block 2, and trust-mode unplanned issuance.
fn rules<T: Config>(d: u32, s: u32, tag: u8) -> RulesOf<T> {
	let deployer = named::<T>("deployer", 0);
	let planned = (0..s)
		.map(|i| Schedule {
			to: Beneficiary::Account(account("beneficiary", i, 0)),
			amount: 1_000,
			start: 2u32.into(),
			every: 10u32.into(),
			count: 1_000,
		})
		.collect::<Vec<_>>();
	Rules {
		name: BoundedVec::truncate_from(alloc::vec![tag]),
		symbol: Default::default(),
		decimals: 12,
		deployer,
		planned: BoundedVec::truncate_from(planned),
		holders_may_destroy: true,
		unplanned: Some(Unplanned {
			mode: Mode::Trust {
				min_sell: price(1, 1_000),
				max_sell: price(1_000, 1),
				min_buy: price(1, 1_000),
				max_buy: price(1_000, 1),
				max_fee: Perbill::from_percent(50),
			},
			prices: Prices { sell: price(1, 2), buy: price(1, 4), fee: Perbill::from_percent(10) },
			fee_to: account("fees", 0, 0),
		}),
		mentor_window: 5u32.into(),
		min_tutoring_fee: 1,
		document: BoundedVec::truncate_from(alloc::vec![7u8; d as usize]),
	}
}

fn kind<T: Config>(tag: u8) -> JtId {
	kind_with::<T>(tag, MAX_SCHEDULES)
}

fn kind_with<T: Config>(tag: u8, schedules: u32) -> JtId {
	// The fee account exists, so that a purchase's fee may be below the existential deposit.
	funded::<T>(&account("fees", 0, 0));
	let r = rules::<T>(T::MaxDocumentLen::get(), schedules, tag);
	let deployer = r.deployer.clone();
	Pallet::<T>::do_create_kind(&deployer, r).expect("benchmark kind")
}

/// Gives `who` `amount` tokens of `jtid`, minted straight into its entry (whose deposit a
/// funded account pays: `who` may be keyless).
fn give<T: Config>(jtid: &JtId, who: &T::AccountId, amount: Amount) {
	Pallet::<T>::mint_supply(jtid, amount).expect("mint");
	Pallet::<T>::credit(jtid, who, amount, &named::<T>("giver", 0)).expect("credit");
}

fn deployer<T: Config>() -> T::AccountId {
	account("deployer", 0, 0)
}

fn parts<T: Config, N: Get<u32>>(list: Vec<(T::AccountId, Amount)>) -> PartsOf<T, N> {
	BoundedVec::truncate_from(
		list.into_iter().map(|(account, amount)| Part { account, amount }).collect(),
	)
}

fn sign_item<T: Config>(data: ItemDataOf<T>, signers: &[T::AccountId]) -> ItemOf<T> {
	let id = Pallet::<T>::item_id(&data);
	let sigs = signers.iter().map(|s| T::BenchmarkHelper::sign(s, &id.0)).collect::<Vec<_>>();
	Item { data, sigs: BoundedVec::truncate_from(sigs) }
}

fn ordinary<T: Config>(jtid: JtId, who: &T::AccountId) {
	Pallet::<T>::do_declare_ordinary(who, jtid).expect("declare");
}

/// A funded loan of `borrower`, `arrears` overdue. The lender lent all it had and closed its
/// entry, so a repayment creates it again: a deposit held, the costlier path.
fn funded_loan<T: Config>(
	jtid: JtId,
	borrower: &T::AccountId,
	lender: &T::AccountId,
	arrears: Amount,
) -> LoanId {
	let id = Pallet::<T>::do_apply_loan(
		borrower,
		jtid,
		100,
		10,
		10u32.into(),
		Perbill::from_percent(10),
	)
	.expect("apply");
	give::<T>(&jtid, lender, 100);
	Pallet::<T>::do_fund_loan(lender, id, false).expect("fund");
	Pallet::<T>::do_close_entry(lender, jtid, lender.clone()).expect("the lender's entry is empty");
	Loans::<T>::mutate(id, |l| {
		if let Some(l) = l {
			l.arrears = arrears;
		}
	});
	id
}

fn presale_with_order<T: Config>(
	jtid: JtId,
	seller: &T::AccountId,
	buyer: &T::AccountId,
) -> PresaleId {
	ordinary::<T>(jtid, seller);
	let terms = crate::PresaleTerms {
		price: 10,
		units: 100,
		goal: 1,
		opens: 2u32.into(),
		closes: 10u32.into(),
		deliver_by: 20u32.into(),
		product: H256::zero(),
	};
	let id = Pallet::<T>::do_open_presale(seller, jtid, terms).expect("presale");
	set_block::<T>(2);
	// Exactly the price of the preorder: the buyer is left with an empty entry.
	give::<T>(&jtid, buyer, 50);
	Pallet::<T>::do_preorder(buyer, id, 5).expect("preorder");
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_kind(d: Linear<0, { T::MaxDocumentLen::get() }>, s: Linear<0, MAX_SCHEDULES>) {
		let r = rules::<T>(d, s, 1);
		let who = r.deployer.clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), r);
	}

	#[benchmark]
	fn appoint_trustee() {
		let jtid = kind::<T>(1);
		let trustee = named::<T>("trustee", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(deployer::<T>()), jtid, Some(T::Lookup::unlookup(trustee)));
	}

	#[benchmark]
	fn set_prices() {
		let jtid = kind::<T>(1);
		let trustee = named::<T>("trustee", 0);
		Pallet::<T>::do_appoint_trustee(&deployer::<T>(), jtid, Some(trustee.clone())).unwrap();
		// An open desk offer is repriced too.
		Pallet::<T>::do_buy(&named::<T>("buyer", 0), jtid, 1_000, 0).unwrap();
		let prices = Prices { sell: price(1, 1), buy: price(1, 3), fee: Perbill::from_percent(5) };
		#[extrinsic_call]
		_(RawOrigin::Signed(trustee), jtid, prices);
	}

	#[benchmark]
	fn submit_issue() {
		let jtid = kind::<T>(1);
		set_block::<T>(2);
		let item = Item {
			data: ItemData::Issue {
				jtid,
				schedule: 0,
				period: 0,
				to: account("beneficiary", 0, 0),
				amount: 1_000,
			},
			sigs: Default::default(),
		};
		let who = named::<T>("submitter", 0);
		#[extrinsic_call]
		submit(RawOrigin::Signed(who), item);
	}

	#[benchmark]
	fn submit_destroy(i: Linear<1, { T::MaxInputs::get() }>) {
		let jtid = kind::<T>(1);
		let inputs: Vec<_> = (0..i).map(|k| signer::<T>(k)).collect();
		for who in &inputs {
			give::<T>(&jtid, who, 10);
		}
		let data = ItemData::Destroy {
			jtid,
			inputs: parts::<T, T::MaxInputs>(inputs.iter().map(|a| (a.clone(), 10)).collect()),
			total: 10 * Amount::from(i),
			expires: 10u32.into(),
		};
		let item = sign_item::<T>(data, &inputs);
		let who = named::<T>("submitter", 0);
		#[extrinsic_call]
		submit(RawOrigin::Signed(who), item);
	}

	#[benchmark]
	fn submit_transfer(
		i: Linear<1, { T::MaxInputs::get() }>,
		o: Linear<1, { T::MaxOutputs::get() }>,
	) {
		let jtid = kind::<T>(1);
		let inputs: Vec<_> = (0..i).map(|k| signer::<T>(k)).collect();
		for who in &inputs {
			give::<T>(&jtid, who, 1_000);
		}
		let total = 1_000 * Amount::from(i);
		let each = total / Amount::from(o);
		let outputs: Vec<_> = (0..o)
			.map(|k| {
				let amount = if k == 0 { total - each * Amount::from(o - 1) } else { each };
				(account::<T::AccountId>("receiver", k, 0), amount)
			})
			.collect();
		let data = ItemData::Transfer {
			jtid,
			inputs: parts::<T, T::MaxInputs>(inputs.iter().map(|a| (a.clone(), 1_000)).collect()),
			outputs: parts::<T, T::MaxOutputs>(outputs),
			total,
			expires: 10u32.into(),
			remark: BoundedVec::truncate_from(alloc::vec![1u8; MAX_REMARK_LEN as usize]),
		};
		let item = sign_item::<T>(data, &inputs);
		let who = named::<T>("submitter", 0);
		#[extrinsic_call]
		submit(RawOrigin::Signed(who), item);
	}

	#[benchmark]
	fn submit_exchange(o: Linear<2, { 2 * T::MaxOutputs::get() }>) {
		let (a, b) = (kind::<T>(1), kind::<T>(2));
		let (pa, pb) = (signer::<T>(0), signer::<T>(1));
		give::<T>(&a, &pa, 1_000_000);
		give::<T>(&b, &pb, 1_000_000);
		let half = o / 2;
		let leg = |jtid: JtId, payer: &T::AccountId, n: u32, name: &'static str| ExchangeLeg {
			jtid,
			payer: payer.clone(),
			outputs: parts::<T, T::MaxOutputs>((0..n).map(|k| (account(name, k, 0), 10)).collect()),
			total: 10 * Amount::from(n),
		};
		let data = ItemData::Exchange {
			a: leg(a, &pa, half, "a-receiver"),
			b: leg(b, &pb, o - half, "b-receiver"),
			expires: 10u32.into(),
		};
		let item = sign_item::<T>(data, &[pa, pb]);
		let who = named::<T>("submitter", 0);
		#[extrinsic_call]
		submit(RawOrigin::Signed(who), item);
	}

	#[benchmark]
	fn submit_alloc(o: Linear<1, { T::MaxShares::get() }>) {
		let jtid = kind::<T>(1);
		let shares: Vec<_> = (0..o).map(|k| (named::<T>("share", k), 1u32)).collect();
		// Every share is a borrower with arrears in each of its loan slots: its part pays
		// lenders first.
		for (k, (who, _)) in shares.iter().enumerate() {
			ordinary::<T>(jtid, who);
			for l in 0..T::MaxLoansPerBorrower::get() {
				let lender = named::<T>("lender", (k as u32) * 1_000 + l);
				funded_loan::<T>(jtid, who, &lender, 1);
			}
		}
		let rule = Distribution {
			shares: BoundedVec::truncate_from(shares),
			portion: Perbill::from_percent(100),
			start: 1u32.into(),
			every: 10u32.into(),
			remark: Default::default(),
		};
		let registrar = named::<T>("registrar", 0);
		let auto = Pallet::<T>::do_register_automatic(&registrar, rule).unwrap();
		give::<T>(&jtid, &auto, 1_000_000);
		set_block::<T>(1);
		let (period, outputs) = Pallet::<T>::expected_alloc(&jtid, &auto).unwrap();
		let item = Item {
			data: ItemData::Alloc {
				jtid,
				account: auto,
				period,
				outputs: BoundedVec::truncate_from(outputs),
			},
			sigs: Default::default(),
		};
		let who = named::<T>("submitter", 0);
		#[extrinsic_call]
		submit(RawOrigin::Signed(who), item);
	}

	#[benchmark]
	fn register_automatic(s: Linear<1, { T::MaxShares::get() }>) {
		let rule = Distribution {
			shares: BoundedVec::truncate_from(
				(0..s).map(|k| (account("share", k, 0), 1u32)).collect(),
			),
			portion: Perbill::from_percent(50),
			start: 1u32.into(),
			every: 10u32.into(),
			remark: BoundedVec::truncate_from(alloc::vec![1u8; MAX_REMARK_LEN as usize]),
		};
		let who = named::<T>("registrar", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), rule);
	}

	#[benchmark]
	fn buy() {
		let jtid = kind::<T>(1);
		let who = named::<T>("buyer", 0);
		// The first purchase opens the desk's market offer: the costlier path.
		#[extrinsic_call]
		_(RawOrigin::Signed(who), jtid, 1_000_000, 1);
	}

	#[benchmark]
	fn declare_ordinary() {
		let jtid = kind::<T>(1);
		let who = named::<T>("user", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), jtid);
	}

	#[benchmark]
	fn revoke_ordinary() {
		let jtid = kind::<T>(1);
		let who = named::<T>("user", 0);
		ordinary::<T>(jtid, &who);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), jtid);
	}

	#[benchmark]
	fn pay_tutoring() {
		let jtid = kind::<T>(1);
		let who = named::<T>("user", 0);
		ordinary::<T>(jtid, &who);
		give::<T>(&jtid, &who, 100);
		let mentor: T::AccountId = account("mentor", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), jtid, T::Lookup::unlookup(mentor), 10);
	}

	#[benchmark]
	fn open_presale() {
		let jtid = kind::<T>(1);
		let who = named::<T>("seller", 0);
		ordinary::<T>(jtid, &who);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(who),
			jtid,
			10,
			100,
			50,
			2u32.into(),
			10u32.into(),
			20u32.into(),
			H256::zero(),
		);
	}

	#[benchmark]
	fn preorder() {
		let jtid = kind::<T>(1);
		let seller = named::<T>("seller", 0);
		let buyer = named::<T>("buyer", 0);
		let id = presale_with_order::<T>(jtid, &seller, &named::<T>("buyer", 1));
		give::<T>(&jtid, &buyer, 1_000);
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), id, 5);
	}

	#[benchmark]
	fn mark_delivered() {
		let jtid = kind::<T>(1);
		let seller = named::<T>("seller", 0);
		let buyer = named::<T>("buyer", 0);
		let id = presale_with_order::<T>(jtid, &seller, &buyer);
		#[extrinsic_call]
		_(RawOrigin::Signed(seller), id, T::Lookup::unlookup(buyer));
	}

	#[benchmark]
	fn confirm_delivery() {
		let jtid = kind::<T>(1);
		let seller = named::<T>("seller", 0);
		let buyer = named::<T>("buyer", 0);
		let id = presale_with_order::<T>(jtid, &seller, &buyer);
		set_block::<T>(10);
		// The seller has no entry yet: paying it creates one.
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), id);
	}

	#[benchmark]
	fn settle_preorder() {
		let jtid = kind::<T>(1);
		let seller = named::<T>("seller", 0);
		let buyer = named::<T>("buyer", 0);
		let id = presale_with_order::<T>(jtid, &seller, &buyer);
		Pallet::<T>::do_close_entry(&buyer, jtid, buyer.clone()).unwrap();
		set_block::<T>(20);
		// Refunded to a buyer whose entry is gone: it is created again with a deposit held
		// (the dispute path only burns and counts).
		#[extrinsic_call]
		_(RawOrigin::Signed(named::<T>("anyone", 0)), id, T::Lookup::unlookup(buyer));
	}

	#[benchmark]
	fn close_presale() {
		let jtid = kind::<T>(1);
		let seller = named::<T>("seller", 0);
		let buyer = named::<T>("buyer", 0);
		let id = presale_with_order::<T>(jtid, &seller, &buyer);
		set_block::<T>(10);
		Pallet::<T>::do_confirm_delivery(&buyer, id).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(seller), id);
	}

	#[benchmark]
	fn apply_loan() {
		let jtid = kind::<T>(1);
		let who = named::<T>("borrower", 0);
		ordinary::<T>(jtid, &who);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), jtid, 100, 10, 10u32.into(), Perbill::from_percent(10));
	}

	#[benchmark]
	fn fund_loan() {
		let jtid = kind::<T>(1);
		let who = named::<T>("borrower", 0);
		ordinary::<T>(jtid, &who);
		let id =
			Pallet::<T>::do_apply_loan(&who, jtid, 100, 10, 10u32.into(), Perbill::zero()).unwrap();
		let lender = named::<T>("lender", 0);
		give::<T>(&jtid, &lender, 100);
		#[extrinsic_call]
		_(RawOrigin::Signed(lender), id, false);
	}

	#[benchmark]
	fn repay() {
		let jtid = kind::<T>(1);
		let who = named::<T>("borrower", 0);
		ordinary::<T>(jtid, &who);
		let lender = named::<T>("lender", 0);
		let id = funded_loan::<T>(jtid, &who, &lender, 10);
		give::<T>(&jtid, &who, 1_000);
		// Repaying everything closes the loan and takes it out of the queue.
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, 1_000);
	}

	#[benchmark]
	fn cancel_loan() {
		let jtid = kind::<T>(1);
		let who = named::<T>("borrower", 0);
		ordinary::<T>(jtid, &who);
		let id =
			Pallet::<T>::do_apply_loan(&who, jtid, 100, 10, 10u32.into(), Perbill::zero()).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id);
	}

	#[benchmark]
	fn close_entry() {
		let jtid = kind::<T>(1);
		let registrar = named::<T>("registrar", 0);
		let rule = Distribution {
			shares: BoundedVec::truncate_from(alloc::vec![(registrar.clone(), 1u32)]),
			portion: Perbill::from_percent(50),
			start: 1u32.into(),
			every: 10u32.into(),
			remark: Default::default(),
		};
		// An automatic account's entry: closing it also updates its holdings.
		let auto = Pallet::<T>::do_register_automatic(&registrar, rule).unwrap();
		give::<T>(&jtid, &auto, 1);
		Pallet::<T>::debit(&jtid, &auto, 1).unwrap();
		Pallet::<T>::burn_supply(&jtid, 1).unwrap();
		let entry = Ledger::<T>::get(jtid, &auto).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(entry.payer), jtid, T::Lookup::unlookup(auto));
	}

	#[benchmark]
	fn remove_kind() {
		let mut r = rules::<T>(T::MaxDocumentLen::get(), MAX_SCHEDULES, 1);
		r.unplanned = None;
		let who = r.deployer.clone();
		let jtid = Pallet::<T>::do_create_kind(&who, r).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), jtid);
	}

	#[benchmark]
	fn deregister_automatic() {
		let registrar = named::<T>("registrar", 0);
		let rule = Distribution {
			shares: BoundedVec::truncate_from(alloc::vec![(registrar.clone(), 1u32)]),
			portion: Perbill::from_percent(50),
			start: 1u32.into(),
			every: 10u32.into(),
			remark: Default::default(),
		};
		let auto = Pallet::<T>::do_register_automatic(&registrar, rule).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), T::Lookup::unlookup(auto));
	}

	#[benchmark]
	fn remove_mentor() {
		let jtid = kind::<T>(1);
		let who = named::<T>("user", 0);
		ordinary::<T>(jtid, &who);
		give::<T>(&jtid, &who, 100);
		let mentor: T::AccountId = account("mentor", 0, 0);
		Pallet::<T>::do_pay_tutoring(&who, jtid, mentor.clone(), 10).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), jtid, T::Lookup::unlookup(mentor));
	}

	#[benchmark]
	fn forget_expired(n: Linear<0, { T::MaxItemsPerExpiry::get() }>) {
		let at: BlockNumberFor<T> = 10u32.into();
		for k in 0..n {
			let mut id = [0u8; 32];
			id[..4].copy_from_slice(&k.to_le_bytes());
			Seen::<T>::insert(at, H256(id), ());
		}
		SeenCount::<T>::insert(at, n);
		#[block]
		{
			Pallet::<T>::forget_expired(at);
		}
		assert_eq!(SeenCount::<T>::get(at), 0);
	}

	#[benchmark]
	fn run_due(
		t: Linear<0, { T::MaxDuePerBlock::get() }>,
		b: Linear<1, { T::MaxDuePerBlock::get() }>,
	) {
		// `t` loan installments, each paid by a distinct borrower to a distinct lender, due
		// at the last of `b` blocks the cursor steps over.
		let jtid = kind_with::<T>(1, 0);
		let start: BlockNumberFor<T> = 1u32.into();
		DueCursor::<T>::put(start);
		let last = start + (b - 1).into();
		for k in 0..t {
			let borrower = named::<T>("borrower", k);
			ordinary::<T>(jtid, &borrower);
			let lender = named::<T>("lender", k);
			let id = funded_loan::<T>(jtid, &borrower, &lender, 0);
			let due = Loans::<T>::get(id).unwrap().next_due.unwrap();
			Due::<T>::remove(due, DueTask::Repay { loan: id });
			Due::<T>::insert(last, DueTask::Repay { loan: id }, ());
			Loans::<T>::mutate(id, |l| l.as_mut().unwrap().next_due = Some(last));
		}
		set_block::<T>(b);
		#[block]
		{
			Pallet::<T>::run_due(last);
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
