//! Codcoin and the market inside the real runtime: the asset routing of `RuntimeAssets`, the
//! deposits the configuration promises, disputes through the runtime API, and the generated
//! weights: each call's worst case fits in a block and costs what its shape implies (the table
//! printed with `--nocapture` is the one docs/WEIGHTS.md quotes).

mod common;
use common::*;

use codchain_runtime::{
	configs::{CodcoinCoinDeposit, MarketTradeDeposit, TimecoinCoinDeposit},
	Codcoin, Market, MarketAsset, Runtime, RuntimeOrigin, Timecoin, UNITS,
};
use frame_support::{assert_ok, traits::Get, weights::Weight, BoundedVec};
use pallet_market::{OffChainKind, Ratio, Resource};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie};
use utxo_core::CoinLedger;

fn issue(who: sp_keyring::Sr25519Keyring, amount: u128) {
	let origin = RuntimeOrigin::signed(account(who));
	let kind = pallet_codcoin::ClaimKind::Labour { person_hours: 100 };
	assert_ok!(Codcoin::declare_claim(origin.clone(), kind, 1_000_000, 1_000, None));
	let out = pallet_codcoin::PourOutput { holder: account(who), amount };
	assert_ok!(Codcoin::issue(origin, BoundedVec::truncate_from(vec![out])));
}

#[test]
fn coins_of_every_kind_trade_through_the_runtime_market() {
	new_ext(DEV).execute_with(|| {
		start_block();
		issue(Alice, 500);
		issue(Bob, 500);
		let alice_coin = Resource::OnChain(MarketAsset::Codcoin(account(Alice)));
		let bob_coin = Resource::OnChain(MarketAsset::Codcoin(account(Bob)));
		let ratio = Ratio { pay: 1, receive: 3 };
		let alice = RuntimeOrigin::signed(account(Alice));
		let none = || Default::default();
		assert_ok!(Market::make_offer(alice, alice_coin, bob_coin, ratio, 100, 1, 100, 0, none()));
		assert_ok!(Market::accept(RuntimeOrigin::signed(account(Bob)), 0, 100, none()));
		assert_eq!(Codcoin::balance_of(&account(Bob), &account(Alice)), 100);
		assert_eq!(Codcoin::balance_of(&account(Alice), &account(Bob)), 300);

		// COD escrow is a hold on the offerer's account.
		let fiat = Resource::OffChain {
			kind: OffChainKind::Fiat,
			unit: BoundedVec::truncate_from(b"EUR".to_vec()),
		};
		let charlie = RuntimeOrigin::signed(account(Charlie));
		let ratio = Ratio { pay: 1, receive: 1 };
		assert_ok!(Market::make_offer(
			charlie,
			Resource::OnChain(MarketAsset::Cod),
			fiat,
			ratio,
			5 * UNITS,
			1,
			100,
			0,
			none()
		));
		assert_eq!(Market::cod_escrowed(&account(Charlie)), 5 * UNITS);
		assert_ok!(Market::accept(RuntimeOrigin::signed(account(Alice)), 1, UNITS, none()));
		assert_eq!(Market::trades_of(account(Alice), None, 10).len(), 1);

		// A timecoin trades too: Alice sells ten minutes of her time for COD, by the second.
		let alice = RuntimeOrigin::signed(account(Alice));
		assert_ok!(Timecoin::declare_capacity(alice.clone(), 3_600));
		let out = pallet_timecoin::PourOutput { holder: account(Alice), amount: 600 };
		assert_ok!(Timecoin::issue(alice.clone(), BoundedVec::truncate_from(vec![out])));
		let time = Resource::OnChain(MarketAsset::Timecoin(account(Alice)));
		let cod = Resource::OnChain(MarketAsset::Cod);
		let per_second = Ratio { pay: 1, receive: UNITS / 100 };
		assert_ok!(Market::make_offer(alice, time, cod, per_second, 600, 60, 100, 0, none()));
		assert_ok!(Market::accept(RuntimeOrigin::signed(account(Bob)), 2, 120, none()));
		assert_eq!(Timecoin::balance_of(&account(Bob), &account(Alice)), 120);
		assert_eq!(<Timecoin as CoinLedger<_>>::escrowed(&account(Alice), &account(Alice)), 480);
		assert_eq!(Timecoin::issuer_summary(account(Alice)).outstanding, 600);
		assert_eq!(Market::buy_back_offers(account(Alice)), Vec::<u64>::new());

		Market::do_try_state().expect("market invariants");
		Codcoin::do_try_state().expect("codcoin invariants");
		Timecoin::do_try_state().expect("timecoin invariants");
	});
}

#[test]
fn a_trade_deposit_pays_for_the_coins_settlement_creates() {
	// A pending trade has at most one on-chain leg, so settling or resolving it creates at most
	// one coin, whose deposit comes from the acceptor's just-released trade deposit; a smaller
	// trade deposit could leave a due payout unpayable.
	assert!(MarketTradeDeposit::get() >= CodcoinCoinDeposit::get());
	assert!(MarketTradeDeposit::get() >= TimecoinCoinDeposit::get());
}

#[test]
fn a_dispute_counts_for_both_sides_in_the_runtime_api() {
	use pallet_market_runtime_api::runtime_decl_for_market_api::MarketApi;
	new_ext(DEV).execute_with(|| {
		start_block();
		let fiat = Resource::OffChain {
			kind: OffChainKind::Fiat,
			unit: BoundedVec::truncate_from(b"EUR".to_vec()),
		};
		let (alice, bob) = (account(Alice), account(Bob));
		let cod = Resource::OnChain(MarketAsset::Cod);
		let ratio = Ratio { pay: 1, receive: 1 };
		let o = RuntimeOrigin::signed(alice.clone());
		let none = Default::default();
		assert_ok!(Market::make_offer(o, cod, fiat, ratio, UNITS, 1, 1_000, UNITS, none));
		assert_ok!(Market::accept(
			RuntimeOrigin::signed(bob.clone()),
			0,
			UNITS,
			Default::default()
		));
		assert_ok!(Market::mark_sent(RuntimeOrigin::signed(bob.clone()), 0, None));
		let deadline = Market::trades_of(bob.clone(), None, 1)[0].deadline;
		frame_system::Pallet::<Runtime>::set_block_number(deadline + 1);
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		assert_ok!(Market::resolve_trade(RuntimeOrigin::signed(alice.clone()), 0));
		// A dispute moves no COD: Bob's bond comes back, nothing is burned.
		assert_eq!(pallet_balances::TotalIssuance::<Runtime>::get(), issuance);
		for who in [alice, bob] {
			let stats = <Runtime as MarketApi<_, _, _, _, _>>::stats(who);
			assert_eq!((stats.disputes, stats.defaults), (1, 0));
		}
		Market::do_try_state().expect("market invariants");
	});
}

fn show(name: &str, w: Weight) -> Weight {
	println!(
		"{name:<34} ref_time {:>7.1} µs   proof_size {:>6} B",
		w.ref_time() as f64 / 1e6,
		w.proof_size()
	);
	w
}

/// The most an ordinary extrinsic may weigh in this runtime.
fn max_extrinsic() -> Weight {
	use frame_support::dispatch::DispatchClass;
	let limits = <Runtime as frame_system::Config>::BlockWeights::get();
	limits.get(DispatchClass::Normal).max_extrinsic.expect("normal extrinsics are limited")
}

#[test]
fn every_call_fits_a_block_in_its_worst_case_and_weighs_what_its_shape_implies() {
	use pallet_codcoin::WeightInfo as _;
	use pallet_market::WeightInfo as _;
	use pallet_timecoin::WeightInfo as _;
	type Tc = <Runtime as pallet_timecoin::Config>::WeightInfo;
	type Cc = <Runtime as pallet_codcoin::Config>::WeightInfo;
	type Mk = <Runtime as pallet_market::Config>::WeightInfo;
	let (i, o) = (
		<Runtime as pallet_timecoin::Config>::MaxInputs::get(),
		<Runtime as pallet_timecoin::Config>::MaxOutputs::get(),
	);
	let s = <Runtime as pallet_timecoin::Config>::MaxOpenAppointments::get();
	let e = <Runtime as pallet_market::Config>::MaxExpiringPerBlock::get();
	use pallet_upkeep::WeightInfo as _;
	type Up = <Runtime as pallet_upkeep::Config>::WeightInfo;
	let (k, p) = (
		<Runtime as pallet_upkeep::Config>::MaxKeepers::get(),
		<Runtime as pallet_upkeep::Config>::MaxProviders::get(),
	);
	use pallet_jointtoken::WeightInfo as _;
	type Jt = <Runtime as pallet_jointtoken::Config>::WeightInfo;
	let (ji, jo, js) = (
		<Runtime as pallet_jointtoken::Config>::MaxInputs::get(),
		<Runtime as pallet_jointtoken::Config>::MaxOutputs::get(),
		<Runtime as pallet_jointtoken::Config>::MaxShares::get(),
	);
	let (jdoc, jdue, jseen) = (
		<Runtime as pallet_jointtoken::Config>::MaxDocumentLen::get(),
		<Runtime as pallet_jointtoken::Config>::MaxDuePerBlock::get(),
		<Runtime as pallet_jointtoken::Config>::MaxItemsPerExpiry::get(),
	);
	use pallet_carchain::WeightInfo as _;
	type Car = <Runtime as pallet_carchain::Config>::WeightInfo;
	let (cohort, approved) = (
		<Runtime as pallet_carchain::Config>::MaxCohort::get(),
		<Runtime as pallet_carchain::Config>::MaxApprovalRecords::get(),
	);
	use pallet_credit::WeightInfo as _;
	type Cr = <Runtime as pallet_credit::Config>::WeightInfo;
	let (hops, edges) = (
		<Runtime as pallet_credit::Config>::MaxHops::get(),
		<Runtime as pallet_credit::Config>::MaxNetEdges::get(),
	);
	use pallet_orgs::WeightInfo as _;
	type Og = <Runtime as pallet_orgs::Config>::WeightInfo;
	use pallet_mimei::WeightInfo as _;
	type Mm = <Runtime as pallet_mimei::Config>::WeightInfo;
	let max = max_extrinsic();

	let worst = [
		show("timecoin pour (16 in, 16 out)", Tc::pour(i, o)),
		show("timecoin pour with booking (16 in, 16 out, 63 booked)", Tc::pour_booking(i, o)),
		show("timecoin transfer (16 in)", Tc::transfer(i)),
		show("timecoin exercise (16 in, 63 booked)", Tc::exercise(i, s - 1)),
		show("timecoin settle (64 booked)", Tc::settle(s)),
		show("timecoin retire", Tc::retire()),
		show("codcoin remint (16 in, 16 out)", Cc::remint(i, o)),
		show("codcoin issue (16 out)", Cc::issue(o)),
		show("codcoin destroy (16 in)", Cc::destroy(i)),
		show("market accept (on-chain pair, 16 coins)", Mk::accept_on_chain(i)),
		show("market accept (off-chain leg, 16 coins)", Mk::accept_off_chain(i)),
		show("market make_offer (16 coins)", Mk::make_offer(i)),
		show("market resolve_trade", Mk::resolve_trade().max(Mk::resolve_trade_disputed())),
		show("market register_resources (16)", Mk::register_resources(16)),
		show("market on_initialize (full expiry)", Mk::expire_offers(e)),
		show("upkeep create (64 keepers, 16 providers)", Up::create(k, p)),
		show("upkeep change_members (64, 16)", Up::change_members(k, p)),
		show("upkeep pay (64 attesting keepers)", Up::pay(k)),
		show("upkeep top_up", Up::top_up()),
		show("upkeep close", Up::close()),
		show("upkeep finish", Up::finish()),
		show("upkeep declare_maintenance", Up::declare_maintenance()),
		show("jt create_kind (4 KiB rules, 8 schedules)", Jt::create_kind(jdoc, 8)),
		show("jt transfer (16 signed in, 32 out)", Jt::submit_transfer(ji, jo)),
		show("jt destroy (16 signed in)", Jt::submit_destroy(ji)),
		show("jt exchange (64 out)", Jt::submit_exchange(2 * jo)),
		show("jt alloc (32 shares, loans in arrears)", Jt::submit_alloc(js)),
		show("jt issue", Jt::submit_issue()),
		show("jt buy (opens the desk offer)", Jt::buy()),
		show("jt set_prices (reprices the desk)", Jt::set_prices()),
		show("jt preorder", Jt::preorder()),
		show("jt settle_preorder", Jt::settle_preorder()),
		show("jt fund_loan", Jt::fund_loan()),
		show("jt repay", Jt::repay()),
		// The hook's worst case: the most tasks over the most blocks, and the replay keys.
		show("jt on_initialize", Jt::run_due(jdue, jdue).saturating_add(Jt::forget_expired(jseen))),
		show("car setup_device", Car::setup_device()),
		show("car reset_device (two signatures, new owner)", Car::reset_device()),
		show("car put_record (agent, consent)", Car::put_record()),
		show("car remove_record", Car::remove_record()),
		show("car grant (resale that moves, paid)", Car::grant()),
		show("car approve_usage (16 consents, 64th device)", Car::approve_usage(approved)),
		show("car submit_result (64 paid)", Car::submit_result(cohort)),
		show("car cancel_request (64 paid, 1024 keys)", Car::cancel_request(cohort)),
		show("car close_request (64, 1024 keys)", Car::close_request(cohort)),
		show("car claim_agent_reward", Car::claim_agent_reward()),
		show("car buy_data_tokens", Car::buy_data_tokens()),
		show("credit propose_line (for an organisation)", Cr::propose_line()),
		show("credit accept_line", Cr::accept_line()),
		show("credit submit_iou (signed, role line)", Cr::submit_iou()),
		show("credit accept_repayment (line closes)", Cr::accept_repayment()),
		show("credit pay (6 hops, role lines, lines closed)", Cr::pay(hops)),
		show("credit net (16 debts, lines closed)", Cr::net(edges)),
		show("credit set_role_limit", Cr::set_role_limit()),
		show("orgs create (longest name and info)", Og::create()),
		show("orgs approve_join", Og::approve_join()),
		show("orgs dissolve", Og::dissolve()),
		show("orgs register_node (ed25519 proof)", Og::register_node()),
		show("orgs deregister_node", Og::deregister_node()),
		show("mimei create", Mm::create()),
		show("mimei add_version (organisation writer)", Mm::add_version()),
		show("mimei release (upkeep contract checked)", Mm::release()),
		show("mimei add_ref", Mm::add_ref()),
		show("mimei remove_object (3 versions)", Mm::remove_object()),
	];
	for w in worst {
		assert!(w.all_gt(Weight::zero()), "every call has a weight");
		assert!(w.all_lte(max), "a worst case must fit in a block: {w:?} > {max:?}");
	}
	// Shapes: more inputs and outputs cost more; a pour that books is charged for the booking
	// on top of the pour (not the larger of the two).
	assert!(Tc::pour(8, 8).all_gt(Tc::pour(1, 2)));
	assert!(Tc::pour_booking(2, 2).all_gt(Tc::pour(2, 2)));
	assert!(Cc::remint(16, 16).all_gt(Cc::remint(2, 2)));
	assert!(Tc::transfer(16).all_gt(Tc::transfer(1)));
	// Each input refunds a deposit to its own payer: one more account touched per input.
	let per_input = Cc::destroy(2).saturating_sub(Cc::destroy(1));
	assert!(per_input.proof_size() > 0, "each input adds proof: {per_input:?}");
	assert!(Mk::expire_offers(e).all_gt(Mk::expire_offers(0)));
	// `pay` checks one signature and pays one keeper per attestation: linear in keepers.
	let per_keeper = Up::pay(2).saturating_sub(Up::pay(1));
	assert!(per_keeper.ref_time() > 0, "each keeper adds a signature check: {per_keeper:?}");
	assert!(Up::pay(k).all_gt(Up::pay(16)) && Up::pay(16).all_gt(Up::pay(4)));
	// A transfer checks one signature per input: linear in inputs, as its outputs are.
	let per_signer = Jt::submit_transfer(2, 1).saturating_sub(Jt::submit_transfer(1, 1));
	assert!(per_signer.ref_time() > 0, "each input adds a signature check: {per_signer:?}");
	assert!(Jt::submit_transfer(ji, jo).all_gt(Jt::submit_transfer(2, 2)));
	assert!(Jt::run_due(jdue, 1).all_gt(Jt::run_due(0, 1)));
	// Each approved record checks one consent; each contributor is one more payment.
	let per_record = Car::approve_usage(2).saturating_sub(Car::approve_usage(1));
	assert!(per_record.ref_time() > 0, "each record adds a signature check: {per_record:?}");
	assert!(Car::submit_result(cohort).all_gt(Car::submit_result(5)));
	// Each hop of a payment, and each netted debt, reads and writes lines of its own.
	let per_hop = Cr::pay(2).saturating_sub(Cr::pay(1));
	assert!(per_hop.ref_time() > 0 && per_hop.proof_size() > 0, "per hop: {per_hop:?}");
	let per_edge = Cr::net(3).saturating_sub(Cr::net(2));
	assert!(per_edge.ref_time() > 0 && per_edge.proof_size() > 0, "per debt: {per_edge:?}");
}

/// The typical cases docs/WEIGHTS.md quotes (`--nocapture` prints them); each is positive and
/// no more than the worst case of its call.
#[test]
fn generated_weights_of_typical_calls() {
	use pallet_codcoin::WeightInfo as _;
	use pallet_market::WeightInfo as _;
	use pallet_timecoin::WeightInfo as _;
	type Tc = <Runtime as pallet_timecoin::Config>::WeightInfo;
	type Cc = <Runtime as pallet_codcoin::Config>::WeightInfo;
	type Mk = <Runtime as pallet_market::Config>::WeightInfo;
	use pallet_upkeep::WeightInfo as _;
	type Up = <Runtime as pallet_upkeep::Config>::WeightInfo;
	use pallet_jointtoken::WeightInfo as _;
	type Jt = <Runtime as pallet_jointtoken::Config>::WeightInfo;

	for (name, typical, worst) in [
		("timecoin pour (1 in, 2 out)", Tc::pour(1, 2), Tc::pour(16, 16)),
		("timecoin pour (8 in, 8 out)", Tc::pour(8, 8), Tc::pour(16, 16)),
		(
			"timecoin pour with booking (2 in, 2 out)",
			Tc::pour_booking(2, 2),
			Tc::pour_booking(16, 16),
		),
		("timecoin transfer (2 in)", Tc::transfer(2), Tc::transfer(16)),
		("timecoin exercise (2 in, 63 booked)", Tc::exercise(2, 63), Tc::exercise(16, 63)),
		("timecoin settle (64 booked)", Tc::settle(64), Tc::settle(64)),
		("codcoin remint (2 in, 2 out)", Cc::remint(2, 2), Cc::remint(16, 16)),
		("codcoin issue (1 out)", Cc::issue(1), Cc::issue(16)),
		("codcoin destroy (1 in)", Cc::destroy(1), Cc::destroy(16)),
		("codcoin declare_claim", Cc::declare_claim(), Cc::declare_claim()),
		("market make_offer (1 coin)", Mk::make_offer(1), Mk::make_offer(16)),
		("market accept (on-chain pair, 1 coin)", Mk::accept_on_chain(1), Mk::accept_on_chain(16)),
		(
			"market accept (COD for a coin, offer open)",
			Mk::accept_native_open(),
			Mk::accept_native(),
		),
		("market accept (COD for a coin, offer filled)", Mk::accept_native(), Mk::accept_native()),
		(
			"market accept (off-chain leg, 1 coin)",
			Mk::accept_off_chain(1),
			Mk::accept_off_chain(16),
		),
		("market cancel_offer", Mk::cancel_offer(), Mk::cancel_offer()),
		("market resolve_trade (default)", Mk::resolve_trade(), Mk::resolve_trade()),
		(
			"market resolve_trade (dispute)",
			Mk::resolve_trade_disputed(),
			Mk::resolve_trade_disputed(),
		),
		("market register_resources (16)", Mk::register_resources(16), Mk::register_resources(16)),
		("market confirm_leg", Mk::confirm_leg(), Mk::confirm_leg()),
		("market mark_sent", Mk::mark_sent(), Mk::mark_sent()),
		("market close_record", Mk::close_record(), Mk::close_record()),
		("upkeep create (4 keepers, 2 providers)", Up::create(4, 2), Up::create(64, 16)),
		("upkeep pay (4 keepers)", Up::pay(4), Up::pay(64)),
		("upkeep pay (16 keepers)", Up::pay(16), Up::pay(64)),
		("upkeep pay (64 keepers)", Up::pay(64), Up::pay(64)),
		("upkeep top_up", Up::top_up(), Up::top_up()),
		("upkeep change_members (4, 2)", Up::change_members(4, 2), Up::change_members(64, 16)),
		("upkeep close", Up::close(), Up::close()),
		("upkeep finish", Up::finish(), Up::finish()),
		("upkeep declare_maintenance", Up::declare_maintenance(), Up::declare_maintenance()),
		(
			"jt create_kind (1 KiB rules, 2 schedules)",
			Jt::create_kind(1_024, 2),
			Jt::create_kind(4_096, 8),
		),
		(
			"jt transfer (1 signed in, 1 out)",
			Jt::submit_transfer(1, 1),
			Jt::submit_transfer(16, 32),
		),
		(
			"jt transfer (2 signed in, 2 out)",
			Jt::submit_transfer(2, 2),
			Jt::submit_transfer(16, 32),
		),
		("jt exchange (2 out)", Jt::submit_exchange(2), Jt::submit_exchange(64)),
		("jt alloc (4 shares)", Jt::submit_alloc(4), Jt::submit_alloc(32)),
		("jt issue", Jt::submit_issue(), Jt::submit_issue()),
		("jt buy", Jt::buy(), Jt::buy()),
		("jt preorder", Jt::preorder(), Jt::preorder()),
		("jt confirm_delivery", Jt::confirm_delivery(), Jt::confirm_delivery()),
		("jt fund_loan", Jt::fund_loan(), Jt::fund_loan()),
		(
			"jt loan installment in on_initialize",
			Jt::run_due(1, 1).saturating_sub(Jt::run_due(0, 1)),
			Jt::run_due(16, 16),
		),
		(
			"market expire_offers (per offer)",
			Mk::expire_offers(1).saturating_sub(Mk::expire_offers(0)),
			Mk::expire_offers(32),
		),
	] {
		let w = show(name, typical);
		assert!(w.all_gt(Weight::zero()), "{name} has a weight");
		assert!(w.all_lte(worst), "{name} above its worst case");
	}
}

#[test]
fn data_tokens_a_record_mints_trade_on_the_market_for_cod() {
	use codchain_runtime::{CarChain, DataToken};
	use frame_support::traits::fungible::Inspect;
	new_ext(DEV).execute_with(|| {
		start_block();
		// Alice registers a record (her own address): phase 1 mints her one data token.
		let alice = RuntimeOrigin::signed(account(Alice));
		let key = BoundedVec::truncate_from(b"trip/20160511/1".to_vec());
		let format = BoundedVec::truncate_from(b"trip-gps".to_vec());
		let hash = sp_core::H256::repeat_byte(7);
		assert_ok!(CarChain::put_record(
			alice.clone(),
			account(Alice).into(),
			key,
			hash,
			64,
			format,
			None
		));
		assert_eq!(DataToken::balance(&account(Alice)), UNITS);

		// She offers half of it for COD; Bob takes it. Escrow is a hold on her data tokens.
		let data = Resource::OnChain(MarketAsset::DataToken);
		let cod = Resource::OnChain(MarketAsset::Cod);
		let ratio = Ratio { pay: 1, receive: 2 };
		assert_ok!(Market::make_offer(
			alice,
			data,
			cod,
			ratio,
			UNITS / 2,
			1,
			100,
			0,
			Default::default()
		));
		assert_eq!(DataToken::balance(&account(Alice)), UNITS / 2);
		assert_ok!(Market::accept(
			RuntimeOrigin::signed(account(Bob)),
			0,
			UNITS / 2,
			Default::default()
		));
		assert_eq!(DataToken::balance(&account(Bob)), UNITS / 2);
		assert_eq!(DataToken::total_issuance(), UNITS);

		Market::do_try_state().expect("market invariants");
		CarChain::do_try_state().expect("carchain invariants");
	});
}
