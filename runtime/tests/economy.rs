//! Codcoin and the market inside the real runtime: the asset routing of `RuntimeAssets`, the
//! deposits the configuration promises, and the generated weights (printed with `--nocapture`;
//! docs/WEIGHTS.md quotes them).

mod common;
use common::*;

use codchain_runtime::{
	configs::{CodcoinCoinDeposit, MarketTradeDeposit, TimecoinCoinDeposit},
	Codcoin, Market, MarketAsset, Runtime, RuntimeOrigin, Timecoin, UNITS,
};
use frame_support::{assert_ok, weights::Weight, BoundedVec};
use pallet_market::{OffChainKind, Ratio, Resource};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie};

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
		assert_ok!(Market::make_offer(alice, alice_coin, bob_coin, ratio, 100, 1, 100, 0));
		assert_ok!(Market::accept(RuntimeOrigin::signed(account(Bob)), 0, 100));
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
			0
		));
		assert_eq!(Market::cod_escrowed(&account(Charlie)), 5 * UNITS);
		assert_ok!(Market::accept(RuntimeOrigin::signed(account(Alice)), 1, UNITS));
		assert_eq!(Market::trades_of(account(Alice)).len(), 1);

		// A timecoin trades too: Alice sells ten minutes of her time for COD, by the second.
		let alice = RuntimeOrigin::signed(account(Alice));
		assert_ok!(Timecoin::declare_capacity(alice.clone(), 3_600));
		let out = pallet_timecoin::PourOutput { holder: account(Alice), amount: 600 };
		assert_ok!(Timecoin::issue(alice.clone(), BoundedVec::truncate_from(vec![out])));
		let time = Resource::OnChain(MarketAsset::Timecoin(account(Alice)));
		let cod = Resource::OnChain(MarketAsset::Cod);
		let per_second = Ratio { pay: 1, receive: UNITS / 100 };
		assert_ok!(Market::make_offer(alice, time, cod, per_second, 600, 60, 100, 0));
		assert_ok!(Market::accept(RuntimeOrigin::signed(account(Bob)), 2, 120));
		assert_eq!(Timecoin::balance_of(&account(Bob), &account(Alice)), 120);
		assert_eq!(Timecoin::escrowed(&account(Alice), &account(Alice)), 480);
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

fn show(name: &str, w: Weight) -> Weight {
	println!(
		"{name:<34} ref_time {:>7.1} µs   proof_size {:>6} B",
		w.ref_time() as f64 / 1e6,
		w.proof_size()
	);
	w
}

#[test]
fn generated_weights_are_positive_and_grow_with_inputs_and_outputs() {
	use pallet_codcoin::WeightInfo as _;
	use pallet_market::WeightInfo as _;
	use pallet_timecoin::WeightInfo as _;
	type Tc = <Runtime as pallet_timecoin::Config>::WeightInfo;
	type Cc = <Runtime as pallet_codcoin::Config>::WeightInfo;
	type Mk = <Runtime as pallet_market::Config>::WeightInfo;

	let small = show("timecoin pour (1 in, 2 out)", Tc::pour(1, 2));
	let big = show("timecoin pour (8 in, 8 out)", Tc::pour(8, 8));
	assert!(small.all_gt(Weight::zero()) && big.all_gt(small));
	show("timecoin transfer (2 in)", Tc::transfer(2));
	show("timecoin exercise (2 in, 64 booked)", Tc::exercise(2, 64));
	show("timecoin settle (64 booked)", Tc::settle(64));

	let remint = show("codcoin remint (2 in, 2 out)", Cc::remint(2, 2));
	assert!(Cc::remint(16, 16).all_gt(remint) && remint.all_gt(Weight::zero()));
	show("codcoin issue (1 out)", Cc::issue(1));
	show("codcoin destroy (1 in)", Cc::destroy(1));
	show("codcoin declare_claim", Cc::declare_claim());

	for (name, w) in [
		("market make_offer", Mk::make_offer()),
		("market accept (on-chain pair)", Mk::accept_on_chain()),
		("market accept (off-chain leg)", Mk::accept_off_chain()),
		("market cancel_offer", Mk::cancel_offer()),
		("market confirm_leg", Mk::confirm_leg()),
		("market resolve_trade", Mk::resolve_trade()),
		(
			"market expire_offers (per offer)",
			Mk::expire_offers(1).saturating_sub(Mk::expire_offers(0)),
		),
	] {
		assert!(show(name, w).all_gt(Weight::zero()), "{name} has a weight");
	}
}
