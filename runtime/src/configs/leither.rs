//! Leither (SPEC §9): credit, organisations with the cod registry, and MiMei content objects.
//! The three pallets see each other, the joint-token automatic accounts and the upkeep
//! contracts only through the traits implemented here, over the other pallets' public queries.

use frame_support::{parameter_types, traits::ConstU32, PalletId};

use crate::{deposit, AccountId, Balance, Balances, Orgs, Runtime, RuntimeHoldReason, Upkeep};

parameter_types! {
	/// A line (terms, debt, ids, depositor: about 180 bytes) and its grantee-first entry; the
	/// same for a proposal.
	pub const CreditLineDeposit: Balance = deposit(2, 260);
	/// A role sub-limit entry.
	pub const CreditRoleLimitDeposit: Balance = deposit(1, 100);
	/// Organisations' accounts derive from this id.
	pub const OrgsPalletId: PalletId = PalletId(*b"cod/orgs");
	/// An organisation's record: name up to 64 bytes, information up to 256, counts and keys.
	pub const OrgDeposit: Balance = deposit(1, 500);
	/// A membership or join request and the per-account index entry.
	pub const OrgMemberDeposit: Balance = deposit(2, 120);
	/// A node and its id-index entry.
	pub const OrgNodeDeposit: Balance = deposit(2, 180);
	/// An object: three fields up to 64 bytes each, pointers, counts and access.
	pub const MiMeiObjectDeposit: Balance = deposit(1, 330);
	/// A version: a digest, a size, its adder.
	pub const MiMeiVersionDeposit: Balance = deposit(1, 110);
	/// A reference and its index entry.
	pub const MiMeiRefDeposit: Balance = deposit(2, 120);
}

fn credit_role(r: pallet_orgs::Role) -> pallet_credit::Role {
	match r {
		pallet_orgs::Role::Admin => pallet_credit::Role::Admin,
		pallet_orgs::Role::Member => pallet_credit::Role::Member,
		pallet_orgs::Role::Guest => pallet_credit::Role::Guest,
	}
}

/// Organisations as the credit pallet sees them.
pub struct OrgsForCredit;

impl pallet_credit::Organisations<AccountId> for OrgsForCredit {
	type OrgId = pallet_orgs::OrgId;

	fn account(org: &pallet_orgs::OrgId) -> Option<AccountId> {
		Orgs::org(*org).map(|o| o.account)
	}

	fn role(org: &pallet_orgs::OrgId, who: &AccountId) -> Option<pallet_credit::Role> {
		Orgs::role_of(*org, who).map(credit_role)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(admin: &AccountId, member: &AccountId) -> pallet_orgs::OrgId {
		benchmark::org(admin, member)
	}
}

/// Organisation membership as MiMei sees it: any role may be given access.
pub struct OrgsForMiMei;

impl pallet_mimei::OrgMembers<AccountId> for OrgsForMiMei {
	type OrgId = pallet_orgs::OrgId;

	fn is_member(org: &pallet_orgs::OrgId, who: &AccountId) -> bool {
		Orgs::role_of(*org, who).is_some()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(member: &AccountId) -> pallet_orgs::OrgId {
		let admin: AccountId = frame_benchmarking::account("mimei-org-admin", 0, 0);
		benchmark::org(&admin, member)
	}
}

/// Upkeep contracts as MiMei sees them.
pub struct UpkeepForMiMei;

impl pallet_mimei::UpkeepContracts<AccountId> for UpkeepForMiMei {
	type ContractId = pallet_upkeep::ContractId;

	fn is_live(contract: &pallet_upkeep::ContractId, owner: &AccountId) -> bool {
		Upkeep::contract_info(*contract)
			.is_some_and(|c| c.owner == *owner && c.closed.is_none() && c.escrow > 0)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_for_benchmark(owner: &AccountId) -> pallet_upkeep::ContractId {
		benchmark::contract(owner)
	}
}

/// Joint-token automatic accounts, for organisations' rewards.
pub struct JointTokenAutomatic;

impl pallet_orgs::AutomaticAccounts<AccountId> for JointTokenAutomatic {
	fn is_automatic(who: &AccountId) -> bool {
		crate::JointToken::automatic(who).is_some()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn automatic_for_benchmark() -> AccountId {
		benchmark::automatic()
	}
}

impl pallet_credit::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Signature = crate::Signature;
	type Signer = <crate::Signature as sp_runtime::traits::Verify>::Signer;
	type Organisations = OrgsForCredit;
	type LineDeposit = CreditLineDeposit;
	type RoleLimitDeposit = CreditRoleLimitDeposit;
	// Six hops: the degrees of separation of a social graph.
	type MaxHops = ConstU32<6>;
	type MaxNetEdges = ConstU32<16>;
	// A path search reads at most this many lines: a few milliseconds of a node's time.
	type MaxPathSearch = ConstU32<2048>;
	type WeightInfo = pallet_credit::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = pallet_credit::Sr25519Signers;
}

impl pallet_orgs::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type PalletId = OrgsPalletId;
	type AutomaticAccounts = JointTokenAutomatic;
	type OrgDeposit = OrgDeposit;
	type MemberDeposit = OrgMemberDeposit;
	type NodeDeposit = OrgNodeDeposit;
	type MaxNameLen = ConstU32<64>;
	type MaxInfoLen = ConstU32<256>;
	type MaxMembers = ConstU32<10_000>;
	type WeightInfo = pallet_orgs::weights::SubstrateWeight<Runtime>;
}

impl pallet_mimei::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Orgs = OrgsForMiMei;
	type Upkeep = UpkeepForMiMei;
	type ObjectDeposit = MiMeiObjectDeposit;
	type VersionDeposit = MiMeiVersionDeposit;
	type RefDeposit = MiMeiRefDeposit;
	type MaxFieldLen = ConstU32<64>;
	type MaxVersions = ConstU32<{ u32::MAX }>;
	type WeightInfo = pallet_mimei::weights::SubstrateWeight<Runtime>;
}

/// What the benchmarks of one pallet need of another, made through the other's calls.
#[cfg(feature = "runtime-benchmarks")]
mod benchmark {
	use alloc::vec;
	use frame_support::traits::fungible::Mutate;
	use frame_system::RawOrigin;

	use super::*;
	use crate::{JointToken, UNITS};

	fn fund(who: &AccountId) {
		let _ = Balances::mint_into(who, 1_000_000 * UNITS);
	}

	/// An organisation of `admin` with `member` in it (an organisation's own account
	/// included: benchmarks build lines between organisations).
	pub fn org(admin: &AccountId, member: &AccountId) -> pallet_orgs::OrgId {
		fund(admin);
		fund(member);
		let id = pallet_orgs::NextOrgId::<Runtime>::get();
		let deposit = OrgMemberDeposit::get();
		Orgs::create(RawOrigin::Signed(admin.clone()).into(), vec![b'o'; 64], vec![], deposit)
			.expect("funded");
		Orgs::request_join(RawOrigin::Signed(member.clone()).into(), id, pallet_orgs::Role::Member)
			.expect("funded");
		Orgs::approve_join(RawOrigin::Signed(admin.clone()).into(), id, member.clone().into())
			.expect("requested");
		id
	}

	/// A live upkeep contract of `owner`.
	pub fn contract(owner: &AccountId) -> pallet_upkeep::ContractId {
		fund(owner);
		let id = pallet_upkeep::NextContractId::<Runtime>::get();
		let keeper: AccountId = frame_benchmarking::account("mimei-keeper", 0, 0);
		let provider: AccountId = frame_benchmarking::account("mimei-provider", 0, 0);
		Upkeep::create(
			RawOrigin::Signed(owner.clone()).into(),
			vec![keeper].try_into().expect("one keeper"),
			vec![provider].try_into().expect("one provider"),
			1,
			10,
			2,
			UNITS,
			None,
			None,
		)
		.expect("funded");
		id
	}

	/// A joint-token automatic account.
	pub fn automatic() -> AccountId {
		let who: AccountId = frame_benchmarking::account("automatic-owner", 0, 0);
		fund(&who);
		let rule = pallet_jointtoken::Distribution {
			shares: vec![(who.clone(), 1)].try_into().expect("one share"),
			portion: sp_runtime::Perbill::one(),
			start: 1,
			every: 10,
			remark: Default::default(),
		};
		let account = JointToken::automatic_account(&JointToken::distribution_id(&rule));
		JointToken::register_automatic(RawOrigin::Signed(who).into(), rule).expect("funded");
		account
	}
}
