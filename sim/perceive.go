package sim

import (
	"github.com/alliancesim/alliancesim/agents"
)

// tieRow is how one state m stands with the others: its allies (treaty
// partners, whose hostile intent it no longer reads) and the weight h with
// which each would stand by it in a crisis if it came (the chance that it
// comes, p_k·h, is the lottery's and the crisis's, not the weight's).
// Hypothetical alliances are tie rows built as values (tiesUnder); the
// world's own rows are w.ties.
type tieRow struct {
	allies agents.Set
	weight [MaxStates]float64
}

// refreshForces recomputes what depends on forces and geography: P(j→i),
// its κ-th power, its credibility and the largest economy. Called when a
// capability event or an occupation changed them.
func (w *World) refreshForces() {
	n := w.c.n
	w.maxEconomy = 0
	for i := 0; i < n; i++ {
		if w.alive[i] {
			w.maxEconomy = max(w.maxEconomy, w.economy[i])
		}
	}
	for j := 0; j < n; j++ {
		for i := 0; i < n; i++ {
			p := 0.0
			if j != i && w.alive[j] {
				p = w.geo.Projection(j, i, w.land[j], w.naval[j])
			}
			w.proj[j*n+i] = p
			w.projK[j*n+i] = w.powK(p)
			w.cred[j*n+i] = agents.Credibility(p, w.c.p.OccupationForce)
		}
	}
	for m := 0; m < n; m++ {
		for j := 0; j < n; j++ {
			k := m*n + j
			w.base[k] = 0
			if j != m && w.maxEconomy > 0 {
				w.base[k] = w.c.p.WeightPower * w.economy[j] / w.maxEconomy
			}
			if j != m {
				w.base[k] += w.c.p.WeightProximity * w.geo.Proximity(j, m)
			}
		}
	}
	w.forcesDirty = false
	w.inputsMoved()
	w.refreshAlliances()
}

// refreshAlliances recomputes every state's ties and allied help, and
// each client's assurance A_j: the strongest commitment it made to other
// clients before any patron joined them, in an alliance they formed
// themselves (origin client, or indigenous), which it founded or joined
// while no patron had (firstClients). An alliance a patron imposed
// assures nothing; nor does a client alliance to a client that applied
// once the patron had joined it.
func (w *World) refreshAlliances() {
	n := w.c.n
	clear(w.ties)
	clear(w.assurance)
	for a := range w.alliances {
		al := &w.alliances[a]
		if !al.Active() {
			continue
		}
		k := w.c.commitment(al.Strong)
		clientMembers := al.Members & w.c.clients
		al.Members.Each(func(m int) {
			row := &w.ties[m]
			row.allies |= al.Members.Without(m)
			if al.firstClients.Has(m) && clientMembers.Without(m) != 0 {
				w.assurance[m] = max(w.assurance[m], k)
			}
			al.Members.Without(m).Each(func(j int) {
				row.weight[j] = max(row.weight[j], w.standBy(al.Origin, m, j, al.Cohesion))
			})
		})
	}
	for m := 0; m < n; m++ {
		w.help[m] = w.helpOf(m, &w.ties[m])
		w.defence[m] = w.geo.Defence(m, w.land[m], w.help[m])
		w.defK[m] = w.powK(w.defence[m])
	}
}

// standBy is the weight h (the alliance's cohesion) with which ally j,
// if it comes, stands by m in an alliance of the given origin: h if j is
// pledged to m, else 0.
func (w *World) standBy(origin Origin, m, j int, h float64) float64 {
	if !w.pledged(origin, m, j) {
		return 0
	}
	return h
}

// pledged says whether, in an alliance of the given origin, j is pledged
// to come for m: always, except between two clients of an imposed
// alliance, who hold only the commitment the patron asked of them, not
// one they made to each other (docs/model.md §7.9). They are allies —
// each reads the other's intent as friendly and weighs the fear of it —
// but only the patron comes to their help, and neither costs the other
// autonomy (partnerTerms: it is agents.Partner.Unpledged; §8.2 item 23).
func (w *World) pledged(origin Origin, m, j int) bool {
	return origin != OriginImposed || w.c.role[m] != Client || w.c.role[j] != Client
}

// helpOf is the allied help Σ_a h·P(a→m) of a tie row: what the allies
// bring if they come.
func (w *World) helpOf(m int, row *tieRow) float64 {
	n, h := w.c.n, 0.0
	row.allies.Each(func(a int) { h += row.weight[a] * w.proj[a*n+m] })
	return h
}

// refreshIntents recomputes the hostile and friendly intent every state
// reads into every other (docs/model.md §7.2): revisionism as scripted
// shocks left it, ideological distance, grievance and remembered
// aggression, combined as independent hazards. In the status-quo world
// (see statusQuoThreats) grievance and memory are zero, and revisionism is
// status_quo_revisionism for an adversary and zero for everyone else.
func (w *World) refreshIntents() {
	c, n := w.c, w.c.n
	w.inputsMoved()
	for m := 0; m < n; m++ {
		for j := 0; j < n; j++ {
			if j == m {
				continue
			}
			k := m*n + j
			r, g, mem := w.shockedRevisionism(k, j), c.grievance[k], w.memory[k]
			if w.statusQuo {
				r, g, mem = 0, 0, 0
				if c.role[j] == Adversary {
					r = c.p.StatusQuoRevisionism
				}
			}
			w.hostile[k] = agents.Intent(r, w.ideology[m]-w.ideology[j], c.p.IdeologyWeight, g, mem)
			w.friendly[k] = agents.FriendlyIntent(g, mem)
		}
	}
}

// tau is the raw threat τ_mj that m reads from j when its defence has κ-th
// power defK and it stands with the others as row says (docs/model.md
// §7.2): intent × (w_P·Pw + w_G·G + w_O·Occ)/(w_P + w_G + w_O), where an
// ally's intent is friendly, and the credible occupation threat Occ is the
// denial ratio times the credibility of j's force, less the deterrence by
// punishment of m's allies.
func (w *World) tau(m, j int, defK float64, row *tieRow) float64 {
	c := w.c
	k := m*c.n + j
	intent := w.hostile[k]
	if row.allies.Has(j) {
		intent = w.friendly[k]
	}
	if intent == 0 {
		return 0
	}
	occ := w.occupation(j, m, defK, row)
	return intent * (w.base[k] + c.p.WeightOffence*occ) * c.invWeights
}

// occupation is the credible occupation threat j poses to m
// (docs/model.md §7.1): denial of m's defence defK (to the power κ) by
// j's projected force, that force's credibility, and the punishment m's
// allies row exert on j. Perception and the challenge odds both read it.
func (w *World) occupation(j, m int, defK float64, row *tieRow) float64 {
	k := j*w.c.n + m
	return agents.Occupation(agents.Denial(w.projK[k], defK), w.cred[k], w.punished(j, row))
}

// punished is the deterrence by punishment that m's allies (row) exert on
// j: punishment·(1 − Π_a (1 − ω_a·E_a/(E_a + E_j))), ω_a the weight with
// which a stands by m (its alliance's cohesion, not scaled by the
// commitment), over the allies other than j.
func (w *World) punished(j int, row *tieRow) float64 {
	d := w.c.p.Punishment
	if d == 0 {
		return 0
	}
	keep := 1.0
	ej := w.economy[j]
	row.allies.Without(j).Each(func(a int) {
		if wt := row.weight[a]; wt > 0 {
			keep *= agents.PunishmentKeep(wt, w.economy[a], ej)
		}
	})
	return d * (1 - keep)
}

// foldMode says what fold does with each source's reading.
type foldMode int

const (
	// foldPerceive takes a new noisy, lagged reading and stores it.
	foldPerceive foldMode = iota
	// foldStore shifts each perceived threat by the change in its raw
	// reading under the given ties and stores it (alliances changed).
	foldStore
	// foldHypothetical does the same without storing anything.
	foldHypothetical
	// foldAdversaries is foldHypothetical over the adversaries alone:
	// no other source is read, and the total is the threat from
	// adversaries too. A patron's threat under a change reads no more of
	// a client (threatUnder), and a client has as many sources as there
	// are states but few adversaries among them.
	foldAdversaries
)

// stores reports whether the mode keeps its readings.
func (mode foldMode) stores() bool { return mode == foldPerceive || mode == foldStore }

// fold is the one per-source fold of threat (docs/model.md §7.2): it reads
// every source j's raw threat to m under the tie row, turns it into a
// perceived threat as mode says, and combines them with the noisy-or rule
// into m's direct total threat and its threat from adversaries. A
// hypothetical alliance shifts each perceived threat by the change in its
// raw reading, so that lag and noise carry over.
func (w *World) fold(m int, row *tieRow, mode foldMode) (total, adv float64) {
	c, n := w.c, w.c.n
	if !w.alive[m] {
		return 0, 0
	}
	defK := w.defK[m]
	if row != &w.ties[m] || w.noCache {
		defK = w.powK(w.geo.Defence(m, w.land[m], w.helpOf(m, row)))
	}
	first := w.tick == 0
	for j := 0; j < n; j++ {
		k := m*n + j
		if mode == foldAdversaries && c.role[j] != Adversary {
			continue
		}
		if j == m || !w.alive[j] {
			if mode.stores() {
				w.perceived[k], w.raw[k] = 0, 0
			}
			continue
		}
		tau := w.tau(m, j, defK, row)
		var t float64
		switch mode {
		case foldPerceive:
			reading := tau
			if c.p.PerceptionNoise > 0 && !w.statusQuo {
				reading = agents.NoisyReadingFrom(tau, w.readingLogit(k, tau), w.rng.NormFloat64()*c.p.PerceptionNoise)
			}
			if first {
				t = reading
			} else {
				t = agents.Perceive(w.perceived[k], reading, c.p.PerceptionLag)
			}
		default:
			t = agents.Clamp01(w.perceived[k] + (tau - w.raw[k]))
		}
		if mode.stores() {
			w.perceived[k], w.raw[k] = t, tau
		}
		total = agents.Combine(total, t)
		if c.role[j] == Adversary {
			adv = agents.Combine(adv, t)
		}
	}
	return total, adv
}

// pictureOf is m's threat picture: its threat from adversaries gross of
// allied help — how threatening the adversaries look before protection.
// Divergence, honour probability and cohesion compare pictures, so that
// an alliance does not make its own members look divergent by protecting
// some more than others.
func (w *World) pictureOf(m int) float64 {
	c, n := w.c, w.c.n
	var none tieRow
	grossK := w.powK(w.geo.Defence(m, w.land[m], 0))
	picture := 0.0
	c.adversaries.Each(func(j int) {
		if j == m || !w.alive[j] || !w.alive[m] {
			return
		}
		k := m*n + j
		picture = agents.Combine(picture, agents.Clamp01(w.perceived[k]+(w.tau(m, j, grossK, &none)-w.raw[k])))
	})
	return picture
}

// perceive is phase 2: every state reads every other's threat (Walt), with
// lag and noise, combines them, and frames the total against its reference
// point (docs/model.md §7.2–§7.3).
func (w *World) perceive() {
	if w.forcesStale() {
		w.refreshForces()
	}
	w.refreshIntents()
	c, n := w.c, w.c.n
	for m := 0; m < n; m++ {
		w.direct[m], w.directAdv[m] = w.fold(m, &w.ties[m], foldPerceive)
		w.stampRaw(m)
		w.directPicture[m] = w.pictureOf(m)
	}
	w.patronTotals()
	first := w.tick == 0
	for i := 0; i < n; i++ {
		switch {
		case first:
			w.reference[i] = c.reference[i]
		case !w.alive[i]:
			// A dead state perceives nothing, and its reference point
			// waits as its readings do: revived by a withdrawal, it frames
			// its threat against the reference it had (§7.2, §7.10).
		default:
			w.reference[i] = agents.AdaptReference(w.reference[i], w.threat[i], &c.decision[i])
		}
	}
	w.threatsRead = true
}

// patronTotals sets T, T^adv and the picture of every state from its
// direct threat; a patron also fears for its clients: T_p = max(direct,
// stakes-weighted client threat from adversaries). A dead patron
// perceives nothing: its totals stay 0, as its direct ones are.
func (w *World) patronTotals() {
	c, n := w.c, w.c.n
	for i := 0; i < n; i++ {
		w.threat[i], w.adv[i], w.picture[i] = w.direct[i], w.directAdv[i], w.directPicture[i]
	}
	c.patrons.Each(func(pi int) {
		if !w.alive[pi] {
			return
		}
		var threats, pictures agents.ClientThreats
		c.clients.Each(func(ci int) {
			if w.alive[ci] {
				threats.Add(c.stakes[pi*n+ci], w.directAdv[ci])
				pictures.Add(c.stakes[pi*n+ci], w.directPicture[ci])
			}
		})
		w.threat[pi] = agents.PatronThreat(w.direct[pi], threats)
		w.adv[pi] = agents.PatronThreat(w.directAdv[pi], threats)
		w.picture[pi] = agents.PatronThreat(w.directPicture[pi], pictures)
	})
}

// change is a hypothetical change of alliances, passed as a value: add is
// a new alliance of these members, standing by each other with weight h
// (clients of an imposed alliance only by the patron), and drop is the id
// of an alliance in force to do without (-1: none); both, an alliance in
// force grown by a newcomer (World.grown).
type change struct {
	add    agents.Set
	h      float64
	origin Origin
	drop   int
}

// tiesUnder returns m's tie row under the change: without the dropped
// alliance, then with the added one (an alliance joined is both: it is
// dropped as it stands and added with its newcomer and the cohesion it
// would then have).
func (w *World) tiesUnder(m int, ch change) tieRow {
	row := w.ties[m]
	if ch.drop >= 0 && w.alliances[ch.drop].Members.Has(m) {
		dropped := &w.alliances[ch.drop]
		dropped.Members.Without(m).Each(func(j int) {
			row.allies, row.weight[j] = row.allies.Without(j), 0
			for b := range w.alliances {
				ob := &w.alliances[b]
				if b == ch.drop || !ob.Active() || !ob.Members.Has(j) || !ob.Members.Has(m) {
					continue
				}
				row.allies = row.allies.With(j)
				row.weight[j] = max(row.weight[j], w.standBy(ob.Origin, m, j, ob.Cohesion))
			}
		})
	}
	if ch.add.Has(m) {
		row.allies |= ch.add.Without(m)
		ch.add.Without(m).Each(func(j int) {
			row.weight[j] = max(row.weight[j], w.standBy(ch.origin, m, j, ch.h))
		})
	}
	return row
}

// affects reports whether the change alters m's ties.
func (w *World) affects(m int, ch change) bool {
	return ch.add.Has(m) || (ch.drop >= 0 && w.alliances[ch.drop].Members.Has(m))
}

// threatUnder returns i's total threat T_i (for a patron, the larger of
// its own and the stake-weighted quadratic mean of its clients',
// agents.PatronThreat) under a hypothetical change. It changes nothing.
func (w *World) threatUnder(i int, ch change) float64 {
	c, n := w.c, w.c.n
	direct := w.direct[i] // exact while raw readings are current (rebaseline)
	if w.noCache || w.affects(i, ch) {
		row := w.tiesUnder(i, ch)
		direct, _ = w.fold(i, &row, foldHypothetical)
	}
	if c.role[i] != Patron {
		return direct
	}
	var threats agents.ClientThreats
	c.clients.Each(func(ci int) {
		if !w.alive[ci] {
			return
		}
		a := w.directAdv[ci]
		if w.noCache || w.affects(ci, ch) {
			row := w.tiesUnder(ci, ch)
			_, a = w.fold(ci, &row, foldAdversaries)
		}
		threats.Add(c.stakes[i*n+ci], a)
	})
	return agents.PatronThreat(direct, threats)
}

// refreshThreats brings threats up to date after alliances changed
// mid-tick, so that later decisions in the same tick see the new
// protection: every state in changed rereads its threats with its new
// ties, its perceived threats shifting by the change in the raw readings.
func (w *World) refreshThreats(changed agents.Set) {
	w.refreshAlliances()
	changed.Each(func(m int) {
		w.direct[m], w.directAdv[m] = w.fold(m, &w.ties[m], foldStore)
		w.stampRaw(m)
	})
	w.patronTotals()
}

// statusQuoThreats are the reference points of docs/model.md §7.3: the
// noise-free total threat every state would perceive at tick 0 if no
// state held a grievance or a memory of aggression, every adversary had
// the revisionism status_quo_revisionism (½: as likely to challenge the
// status quo as to accept it) and every other state none — what power,
// geography, ideology and an adversary of undecided intent give (He &
// Feng take the status quo as the reference point, and frame a high
// threat as a loss and a low one as a gain). A threat above it is a loss.
func statusQuoThreats(c *Compiled) []float64 {
	w := NewWorld(c, 0)
	w.statusQuo = true
	w.refreshForces()
	w.refreshIntents()
	for m := 0; m < c.n; m++ {
		w.direct[m], w.directAdv[m] = w.fold(m, &w.ties[m], foldPerceive)
		w.directPicture[m] = w.pictureOf(m)
	}
	w.patronTotals()
	return w.threat
}
