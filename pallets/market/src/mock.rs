//! A runtime for the market unit tests with real assets: COD (pallet-balances) and codcoins
//! (pallet-codcoin), so escrow and settlement run through the same code as on chain.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{derive_impl, pallet_prelude::*, parameter_types, traits::ConstU32};
use scale_info::TypeInfo;
use sp_runtime::BuildStorage;

use sp_core::H256;
use utxo_core::CoinLedger;

use crate::{self as pallet_market, types::Amount, OnChainAssets};

fn raw(coins: &[H256]) -> Vec<[u8; 32]> {
	coins.iter().map(|c| c.0).collect()
}

pub type AccountId = u64;
pub type Balance = u128;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Codcoin = pallet_codcoin;
	#[runtime::pallet_index(3)]
	pub type Market = pallet_market;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const COIN_DEPOSIT: Balance = 10;
pub const OFFER_DEPOSIT: Balance = 100;
pub const TRADE_DEPOSIT: Balance = 50;
pub const RECORD_DEPOSIT: Balance = 5;
pub const SETTLEMENT_PERIOD: u64 = 10;

parameter_types! {
	pub const CoinDeposit: Balance = COIN_DEPOSIT;
	pub const ClaimDeposit: Balance = 10;
	pub const IssuerDeposit: Balance = 10;
	pub const OfferDeposit: Balance = OFFER_DEPOSIT;
	pub const TradeDeposit: Balance = TRADE_DEPOSIT;
	pub const RegistrationDeposit: Balance = 20;
	pub const RecordDeposit: Balance = RECORD_DEPOSIT;
	pub const SettlementPeriod: u64 = SETTLEMENT_PERIOD;
	pub const MaxInputs: u32 = 8;
}

impl pallet_codcoin::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CoinDeposit = CoinDeposit;
	type ClaimDeposit = ClaimDeposit;
	type IssuerDeposit = IssuerDeposit;
	type MaxInputs = MaxInputs;
	type MaxOutputs = ConstU32<8>;
	type MaxClaims = ConstU32<4>;
	type WeightInfo = ();
}

/// The assets of the mock: COD and the codcoin of each account.
#[derive(
	Clone,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Asset {
	Cod,
	Coin(AccountId),
}

pub struct Assets;
impl OnChainAssets<AccountId> for Assets {
	type AssetId = Asset;

	fn exists(asset: &Asset) -> bool {
		match asset {
			Asset::Cod => true,
			Asset::Coin(issuer) => Codcoin::is_issuer(issuer),
		}
	}

	fn is_native(asset: &Asset) -> bool {
		matches!(asset, Asset::Cod)
	}

	fn lock(
		asset: &Asset,
		owner: &AccountId,
		amount: Amount,
		coins: &[H256],
	) -> Result<u32, DispatchError> {
		match asset {
			Asset::Cod => Market::cod_lock(owner, amount).map(|()| 0),
			Asset::Coin(issuer) => Codcoin::escrow_lock(issuer, owner, amount, &raw(coins)),
		}
	}

	fn unlock(
		asset: &Asset,
		owner: &AccountId,
		to: &AccountId,
		amount: Amount,
		payer: &AccountId,
	) -> DispatchResult {
		match asset {
			Asset::Cod => Market::cod_unlock(owner, to, amount),
			Asset::Coin(issuer) => {
				Codcoin::escrow_unlock(issuer, owner, to, amount, payer).map(|_| ())
			},
		}
	}

	fn transfer(
		asset: &Asset,
		from: &AccountId,
		to: &AccountId,
		amount: Amount,
		coins: &[H256],
	) -> Result<u32, DispatchError> {
		match asset {
			Asset::Cod => Market::cod_transfer(from, to, amount).map(|()| 0),
			Asset::Coin(issuer) => {
				<Codcoin as CoinLedger<_>>::transfer(issuer, from, to, amount, &raw(coins))
			},
		}
	}

	fn escrow_entries() -> Vec<(Asset, AccountId, Amount)> {
		Codcoin::escrow_entries()
			.into_iter()
			.map(|(issuer, owner, units)| (Asset::Coin(issuer), owner, units))
			.collect()
	}

	fn escrowed(asset: &Asset, owner: &AccountId) -> Amount {
		match asset {
			Asset::Cod => Market::cod_escrowed(owner),
			Asset::Coin(issuer) => <Codcoin as CoinLedger<_>>::escrowed(issuer, owner),
		}
	}

	fn issuer(asset: &Asset) -> Option<AccountId> {
		match asset {
			Asset::Cod => None,
			Asset::Coin(issuer) => Some(*issuer),
		}
	}

	fn shortfall(asset: &Asset) -> Amount {
		match asset {
			Asset::Cod => 0,
			Asset::Coin(issuer) => Codcoin::shortfall(issuer),
		}
	}
}

impl pallet_market::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Assets = Assets;
	type OfferDeposit = OfferDeposit;
	type TradeDeposit = TradeDeposit;
	type RegistrationDeposit = RegistrationDeposit;
	type RecordDeposit = RecordDeposit;
	// Burned: dropping the credit lowers the total issuance.
	type Forfeit = ();
	type SettlementPeriod = SettlementPeriod;
	type MaxOffersPerAccount = ConstU32<4>;
	type MaxExpiringPerBlock = ConstU32<3>;
	type MaxRegistered = ConstU32<4>;
	type MaxPaymentCoins = MaxInputs;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchAssets;
}

/// Benchmarks trade codcoins of two issuers, the costliest assets to move.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchAssets;
#[cfg(feature = "runtime-benchmarks")]
impl crate::traits::BenchmarkHelper<AccountId, Asset> for BenchAssets {
	fn asset(n: u32) -> Asset {
		let issuer = 1_000 + n as AccountId;
		fund_cod(issuer, ENDOWMENT);
		if !pallet_codcoin::Issuers::<Test>::contains_key(issuer) {
			let kind = pallet_codcoin::ClaimKind::Stock { units: 1 };
			let origin = RuntimeOrigin::signed(issuer);
			Codcoin::declare_claim(origin, kind, Amount::MAX / 2, u64::MAX, None).unwrap();
		}
		Asset::Coin(issuer)
	}

	fn native() -> Asset {
		Asset::Cod
	}

	fn fund(asset: &Asset, who: &AccountId, amount: Amount, pieces: u32) {
		fund_cod(*who, ENDOWMENT);
		if let Asset::Coin(issuer) = asset {
			let pieces = Amount::from(pieces.clamp(1, MaxInputs::get())).min(amount);
			let each = amount / pieces;
			for k in 0..pieces {
				let piece = if k == 0 { amount - each * (pieces - 1) } else { each };
				// Each piece passes through its own payer, who pays its deposit.
				let payer = 5_000 + k as AccountId;
				fund_cod(payer, ENDOWMENT);
				let out = |holder| {
					BoundedVec::truncate_from(vec![pallet_codcoin::PourOutput {
						holder,
						amount: piece,
					}])
				};
				Codcoin::issue(RuntimeOrigin::signed(*issuer), out(payer)).unwrap();
				let coin = Codcoin::coins_of(payer, None, 1)[0].id;
				let ins = BoundedVec::truncate_from(vec![coin]);
				Codcoin::remint(RuntimeOrigin::signed(payer), ins, out(*who)).unwrap();
			}
		}
	}
}

#[cfg(feature = "runtime-benchmarks")]
fn fund_cod(who: AccountId, amount: Balance) {
	use frame_support::traits::fungible::Mutate;
	let _ = Balances::mint_into(&who, amount);
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const ENDOWMENT: Balance = 1_000_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, ENDOWMENT),
			(BOB, ENDOWMENT),
			(CHARLIE, ENDOWMENT),
			(DAVE, ENDOWMENT),
		],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `on_initialize` of every block up to `n` and sets the block number to `n`.
pub fn run_to(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Market::on_initialize(next);
	}
}
