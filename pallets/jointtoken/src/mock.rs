//! A runtime for the joint-token unit tests: balances (COD), the real trade market (the
//! desk's standing offer is a market offer, sales to the desk go through `accept`), and the
//! chain's signature scheme (`MultiSignature` over `AccountId32`) with sr25519, ed25519 and
//! ecdsa keys, so items are signed and verified for real.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	derive_impl,
	pallet_prelude::*,
	parameter_types,
	traits::{ConstU128, ConstU32},
	PalletId,
};
use pallet_market::{Amount as MarketAmount, OnChainAssets, Ratio, Resource};
use scale_info::TypeInfo;
use sp_core::{ecdsa, ed25519, sr25519, Pair, H256};
use sp_runtime::{traits::IdentifyAccount, AccountId32, BuildStorage, MultiSignature, MultiSigner};
use std::{
	collections::BTreeMap,
	sync::{Mutex, OnceLock},
};

use crate::{self as pallet_jointtoken, types::*};

pub type AccountId = AccountId32;
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
	pub type Market = pallet_market;
	#[runtime::pallet_index(3)]
	pub type JointToken = pallet_jointtoken;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

pub const ED: Balance = 5;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ExistentialDeposit = ConstU128<ED>;
}

/// The market's assets here: COD and every joint-token kind.
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
	Jt(H256),
}

pub struct Assets;
impl OnChainAssets<AccountId> for Assets {
	type AssetId = Asset;

	fn exists(asset: &Asset) -> bool {
		match asset {
			Asset::Cod => true,
			Asset::Jt(jtid) => JointToken::exists(jtid),
		}
	}

	fn is_native(asset: &Asset) -> bool {
		matches!(asset, Asset::Cod)
	}

	fn lock(
		asset: &Asset,
		owner: &AccountId,
		amount: MarketAmount,
		_: &[H256],
	) -> Result<u32, DispatchError> {
		match asset {
			Asset::Cod => Market::cod_lock(owner, amount),
			Asset::Jt(jtid) => JointToken::escrow_lock(jtid, owner, amount),
		}
		.map(|()| 0)
	}

	fn unlock(
		asset: &Asset,
		owner: &AccountId,
		to: &AccountId,
		amount: MarketAmount,
		payer: &AccountId,
	) -> DispatchResult {
		match asset {
			Asset::Cod => Market::cod_unlock(owner, to, amount),
			Asset::Jt(jtid) => JointToken::escrow_unlock(jtid, owner, to, amount, payer),
		}
	}

	fn transfer(
		asset: &Asset,
		from: &AccountId,
		to: &AccountId,
		amount: MarketAmount,
		_: &[H256],
	) -> Result<u32, DispatchError> {
		match asset {
			Asset::Cod => Market::cod_transfer(from, to, amount),
			Asset::Jt(jtid) => JointToken::market_transfer(jtid, from, to, amount),
		}
		.map(|()| 0)
	}

	fn escrowed(asset: &Asset, owner: &AccountId) -> MarketAmount {
		match asset {
			Asset::Cod => Market::cod_escrowed(owner),
			Asset::Jt(jtid) => JointToken::escrowed(jtid, owner),
		}
	}

	fn escrow_entries() -> Vec<(Asset, AccountId, MarketAmount)> {
		JointToken::escrow_entries().into_iter().map(|(j, o, a)| (Asset::Jt(j), o, a)).collect()
	}

	fn issuer(asset: &Asset) -> Option<AccountId> {
		match asset {
			Asset::Cod => None,
			Asset::Jt(jtid) => JointToken::deployer(jtid),
		}
	}

	fn shortfall(_: &Asset) -> MarketAmount {
		0
	}
}

pub const OFFER_DEPOSIT: Balance = 100;
pub const RECORD_DEPOSIT: Balance = 5;

parameter_types! {
	pub const OfferDeposit: Balance = OFFER_DEPOSIT;
	pub const TradeDeposit: Balance = 50;
	pub const RegistrationDeposit: Balance = 20;
	pub const MarketRecordDeposit: Balance = RECORD_DEPOSIT;
	pub const SettlementPeriod: u64 = 10;
}

impl pallet_market::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Assets = Assets;
	type OfferDeposit = OfferDeposit;
	type TradeDeposit = TradeDeposit;
	type RegistrationDeposit = RegistrationDeposit;
	type RecordDeposit = MarketRecordDeposit;
	type Forfeit = ();
	type SettlementPeriod = SettlementPeriod;
	type MaxOffersPerAccount = ConstU32<4>;
	type MaxExpiringPerBlock = ConstU32<3>;
	type MaxRegistered = ConstU32<4>;
	type MaxPaymentCoins = ConstU32<1>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MarketBench;
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MarketBench;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_market::traits::BenchmarkHelper<AccountId, Asset> for MarketBench {
	fn asset(_: u32) -> Asset {
		Asset::Cod
	}
	fn native() -> Asset {
		Asset::Cod
	}
	fn fund(_: &Asset, _: &AccountId, _: MarketAmount, _: u32) {}
}

/// The desks as standing market offers: COD for the kind's tokens.
pub struct MarketDesk;
impl crate::Desk<AccountId> for MarketDesk {
	fn open(
		root: &AccountId,
		jtid: &JtId,
		cod: Amount,
		buy: Price,
	) -> Result<OfferId, DispatchError> {
		let ratio = Ratio { pay: buy.cod, receive: buy.jt };
		Market::open_standing(
			root,
			Resource::OnChain(Asset::Cod),
			Resource::OnChain(Asset::Jt(*jtid)),
			ratio,
			cod,
		)
	}
	fn top_up(root: &AccountId, offer: OfferId, cod: Amount) -> DispatchResult {
		Market::top_up(root, offer, cod)
	}
	fn reprice(root: &AccountId, offer: OfferId, buy: Price) -> DispatchResult {
		Market::reprice(root, offer, Ratio { pay: buy.cod, receive: buy.jt })
	}
	fn remaining(offer: OfferId) -> Option<Amount> {
		Market::offer_remaining(offer)
	}
	fn opening_deposit() -> Amount {
		OFFER_DEPOSIT + RECORD_DEPOSIT
	}
}

pub const KIND_DEPOSIT: Balance = 1_000;
pub const BYTE_DEPOSIT: Balance = 1;
pub const ENTRY_DEPOSIT: Balance = 10;
pub const RECORD: Balance = 50;
pub const ITEM_LIFE: u64 = 20;

parameter_types! {
	pub const JtPalletId: PalletId = PalletId(*b"cod/jtkn");
	pub const KindDeposit: Balance = KIND_DEPOSIT;
	pub const ByteDeposit: Balance = BYTE_DEPOSIT;
	pub const EntryDeposit: Balance = ENTRY_DEPOSIT;
	pub const RecordDeposit: Balance = RECORD;
	pub const MaxItemLife: u64 = ITEM_LIFE;
}

impl pallet_jointtoken::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Signature = MultiSignature;
	type Signer = MultiSigner;
	type Desk = MarketDesk;
	type PalletId = JtPalletId;
	type KindDeposit = KindDeposit;
	type ByteDeposit = ByteDeposit;
	type EntryDeposit = EntryDeposit;
	type RecordDeposit = RecordDeposit;
	type MaxDocumentLen = ConstU32<256>;
	type MaxInputs = ConstU32<8>;
	type MaxOutputs = ConstU32<8>;
	type MaxShares = ConstU32<4>;
	type MaxItemLife = MaxItemLife;
	type MaxItemsPerExpiry = ConstU32<3>;
	type MaxDuePerBlock = ConstU32<3>;
	type MaxLoansPerBorrower = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::traits::Sr25519Signers;
}

/// A test key of any scheme, named. Test keys are few; their size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone)]
pub enum Key {
	Sr(sr25519::Pair),
	Ed(ed25519::Pair),
	Ec(ecdsa::Pair),
}

impl Key {
	pub fn account(&self) -> AccountId {
		match self {
			Key::Sr(p) => MultiSigner::from(p.public()).into_account(),
			Key::Ed(p) => MultiSigner::from(p.public()).into_account(),
			Key::Ec(p) => MultiSigner::from(p.public()).into_account(),
		}
	}

	pub fn sign(&self, msg: &[u8]) -> MultiSignature {
		match self {
			Key::Sr(p) => p.sign(msg).into(),
			Key::Ed(p) => p.sign(msg).into(),
			Key::Ec(p) => p.sign(msg).into(),
		}
	}
}

/// The sr25519 dev key `//name`, derived once per test binary (a derivation runs PBKDF2).
pub fn key(name: &str) -> Key {
	static KEYS: OnceLock<Mutex<BTreeMap<String, Key>>> = OnceLock::new();
	let mut keys = KEYS.get_or_init(Default::default).lock().expect("no test panics holding it");
	keys.entry(name.to_string())
		.or_insert_with(|| {
			let (scheme, seed) = name.split_once(':').unwrap_or(("sr", name));
			let uri = format!("//{seed}");
			match scheme {
				"ed" => Key::Ed(ed25519::Pair::from_string(&uri, None).expect("valid dev seed")),
				"ec" => Key::Ec(ecdsa::Pair::from_string(&uri, None).expect("valid dev seed")),
				_ => Key::Sr(sr25519::Pair::from_string(&uri, None).expect("valid dev seed")),
			}
		})
		.clone()
}

/// The account of test key `name` (`ed:Name`, `ec:Name` for the other schemes).
pub fn acc(name: &str) -> AccountId {
	key(name).account()
}

pub const ENDOWMENT: Balance = 1_000_000_000;

/// Accounts endowed with COD in every test.
pub const NAMES: [&str; 10] = [
	"Deployer",
	"Alice",
	"Bob",
	"Charlie",
	"Dave",
	"Trustee",
	"Fees",
	"ed:Eve",
	"ec:Ferdie",
	"Lender",
];

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let balances = NAMES.iter().map(|n| (acc(n), ENDOWMENT)).collect();
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut t)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.register_extension(sp_keystore::KeystoreExt::new(
		sp_keystore::testing::MemoryKeystore::new(),
	));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `on_initialize` of both pallets for every block up to `n`, checking the invariants
/// after each.
pub fn run_to(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Market::on_initialize(next);
		JointToken::on_initialize(next);
		JointToken::do_try_state().expect("invariants hold");
		Market::do_try_state().expect("market invariants hold");
	}
}
