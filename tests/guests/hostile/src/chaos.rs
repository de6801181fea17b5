//! The adversarial mode for the guardrail property tests: from a seed, turn
//! the reference result into an arbitrary one — routes dropped, added and
//! rewritten (a Veilig Thuis melding removed, a referral without a valid
//! verwijzer), consent loosened, the safety flag cleared — but always
//! structurally valid, so the host accepts it and its guardrails, not its
//! output checks, are what the tests exercise.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{
    Action, ConsentCard, ConsentOutcome, DataCategory, DisclosureRequest, Handover, IntakeCard, IntakeOutcome, Level,
    Partner, Party, Purpose, Reason, Route, RouteKind, RoutingCard, ScreeningCard, Urgency, Verwijzer,
};

/// A small, fast generator (splitmix64): the component has no entropy of
/// its own, and the tests need every choice to follow from the seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed` mixed with `material` (the case's data), so
    /// one configured seed still gives every case its own output.
    pub fn new(seed: u64, material: &[u8]) -> Rng {
        // FNV-1a over the material, folded into the seed.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in material {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        Rng(seed ^ h)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability 1 in `n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// One element of `items`.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// A random subset of `items`, in order.
    pub fn subset<T: Copy>(&mut self, items: &[T]) -> Vec<T> {
        items.iter().copied().filter(|_| self.one_in(2)).collect()
    }
}

fn reason(rng: &mut Rng) -> Reason {
    Reason::new(format!("CHAOS-{}", rng.below(1000)), "An adversarial region's reason.")
}

fn maybe<T>(rng: &mut Rng, f: impl FnOnce(&mut Rng) -> T) -> Option<T> {
    if rng.one_in(2) { Some(f(rng)) } else { None }
}

fn request(rng: &mut Rng, recipient: Partner) -> DisclosureRequest {
    DisclosureRequest { recipient, purpose: rng.pick(Purpose::ALL), data: rng.subset(DataCategory::ALL) }
}

fn route(rng: &mut Rng) -> Route {
    let partner = rng.pick(Partner::ALL);
    Route {
        partner,
        kind: rng.pick(RouteKind::ALL),
        urgency: rng.pick(Urgency::ALL),
        verwijzer: maybe(rng, |r| r.pick(Verwijzer::ALL)),
        handover: rng.pick(Handover::ALL),
        local_name: maybe(rng, |r| format!("Chaos team {}", r.below(100))),
        conversation: String::from("Whatever the adversary says."),
        disclosure: maybe(rng, |r| request(r, partner)),
        reasons: (0..rng.below(3)).map(|_| reason(rng)).collect(),
    }
}

/// An arbitrary intake card, starting from `card`.
pub fn intake(rng: &mut Rng, mut card: IntakeCard) -> IntakeCard {
    if rng.one_in(2) {
        card.safety_flag = !card.safety_flag;
    }
    if rng.one_in(3) {
        card.outcome = rng.pick(IntakeOutcome::ALL);
    }
    if rng.one_in(3) {
        card.acute_indicators.clear();
    }
    card.reasons.push(reason(rng));
    card
}

/// An arbitrary screening card, starting from `card`.
pub fn screening(rng: &mut Rng, mut card: ScreeningCard) -> ScreeningCard {
    if rng.one_in(2) {
        card.level = rng.pick(Level::ALL);
    }
    if rng.one_in(2) {
        card.action = rng.pick(Action::ALL);
    }
    if rng.one_in(3) {
        card.meldcode = None;
    }
    card.reasons.push(reason(rng));
    card
}

/// An arbitrary routing card, starting from `card`: routes dropped (any of
/// them, Veilig Thuis included), rewritten and added.
pub fn routing(rng: &mut Rng, mut card: RoutingCard) -> RoutingCard {
    card.routes.retain(|_| !rng.one_in(3));
    for r in &mut card.routes {
        if rng.one_in(3) {
            r.urgency = rng.pick(Urgency::ALL);
        }
        if rng.one_in(3) {
            r.kind = rng.pick(RouteKind::ALL);
        }
        if rng.one_in(3) {
            r.verwijzer = maybe(rng, |x| x.pick(Verwijzer::ALL));
        }
        if rng.one_in(4) {
            r.disclosure = None;
        }
    }
    for _ in 0..rng.below(4) {
        let at = rng.below(card.routes.len() + 1);
        let new = route(rng);
        card.routes.insert(at, new);
    }
    // Aim at G-AUTHORITY: a referral to jeugdhulp that no one may make.
    if rng.one_in(4) {
        let mut r = route(rng);
        r.partner = Partner::JeugdGgz;
        r.kind = RouteKind::Referral;
        r.verwijzer = maybe(rng, |x| x.pick(&[Verwijzer::Zelfverwijzer, Verwijzer::Onbekend]));
        card.routes.push(r);
    }
    if rng.one_in(2) {
        card.urgency = rng.pick(Urgency::ALL);
    }
    card.one_plan = rng.one_in(2);
    card.reasons.push(reason(rng));
    card
}

/// Arbitrary consent cards for `requests`, starting from `cards`: outcomes
/// loosened or tightened, data widened, consents dropped, cards missing or
/// out of order.
pub fn consent(rng: &mut Rng, requests: &[DisclosureRequest], mut cards: Vec<ConsentCard>) -> Vec<ConsentCard> {
    for (i, c) in cards.iter_mut().enumerate() {
        if rng.one_in(2) {
            c.outcome = rng.pick(ConsentOutcome::ALL);
        }
        if rng.one_in(3) {
            c.permitted_data = rng.subset(DataCategory::ALL);
        }
        if rng.one_in(3) {
            c.consent_of = rng.subset(Party::ALL);
        }
        if rng.one_in(8) && i < requests.len() {
            // Answer another request than was asked.
            c.request.data = rng.subset(DataCategory::ALL);
        }
        c.reasons.push(reason(rng));
    }
    if rng.one_in(10) && !cards.is_empty() {
        cards.pop();
    }
    if rng.one_in(10) {
        cards.reverse();
    }
    cards
}
