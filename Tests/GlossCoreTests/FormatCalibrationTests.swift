import Foundation
import Testing

@testable import GlossCore

/// Per-format calibration (`FormatCalibration`) on literal logs whose predictions are one
/// FSRS formula: every card is rated good once, then answered one day later.
@Suite struct FormatCalibrationTests {
    let w = LearnerSettings.defaultFSRSParameters
    /// The recall FSRS predicts one day after a first *good*.
    var r: Double { FSRS.retrievability(elapsedDays: 1.0, stability: FSRS.initialStability(.good, w: w), w: w) }

    /// One card per answer: good on day 0, then `recalled` (good) or not (again) on day 1.
    func data(_ answers: [(QuestionFormat?, Bool)]) -> ReviewDataset {
        ReviewDataset(
            cards: answers.enumerated().map { i, answer in
                ReviewDataset.Card(
                    id: "c\(i)", ratings: [3, answer.1 ? 3 : 1], elapsedDays: [0, 1], formats: [answer.0, answer.0])
            })
    }

    @Test func eachFormatHasItsLogLossRMSEAndMeans() {
        let rows = FormatCalibration.rows(
            w, on: data([(.choiceTerm, true), (.choiceTerm, false), (.typed, true), (.typed, true), (nil, false)]))
        #expect(rows.map(\.format) == [.choiceTerm, .typed, nil])
        #expect(rows.map(\.fit.count) == [2, 2, 1])
        let choice = rows[0]
        #expect(abs(choice.fit.logLoss - -(log(r) + log(1 - r)) / 2) < 1e-12)
        #expect(abs(choice.meanPredicted - r) < 1e-12)
        #expect(choice.observed == 0.5)
        #expect(abs(choice.fit.rmseBins - (r - 0.5)) < 1e-12)  // one bin
        #expect(abs(rows[1].fit.logLoss - -log(r)) < 1e-12)
        #expect(rows[1].observed == 1)
        #expect(abs(rows[2].fit.logLoss - -log(1 - r)) < 1e-12)
        #expect(rows[2].observed == 0)
    }

    @Test func theOffsetIsTheMaximumLikelihoodOneAndClampedAndNeedsEnoughAnswers() {
        // Choice: half recalled, so the best offset makes p' = 0.5: b = −logit(r).
        // Typed: always recalled, so b grows to the bound. Cloze: too few answers.
        let answers =
            (0..<60).map { (QuestionFormat.choiceTerm, $0 % 2 == 0) } + (0..<60).map { _ in (QuestionFormat.typed, true) }
            + (0..<10).map { _ in (QuestionFormat.cloze, false) }
        let offsets = FormatCalibration.fitOffsets(w, on: data(answers))
        #expect(Set(offsets.keys) == [.choiceTerm, .typed])
        #expect(abs((offsets[.choiceTerm] ?? 0) - -log(r / (1 - r))) < 1e-9)
        #expect(offsets[.typed] == FormatCalibration.maximumOffset)
        let rows = FormatCalibration.rows(w, on: data(answers), offsets: offsets)
        #expect(abs(rows[0].meanPredicted - 0.5) < 1e-9)
        #expect(abs(FormatCalibration.adjusted(0.25, offset: log(3)) - 0.5) < 1e-12)
    }

    @Test func offsetsAreKeptWhenTheyLowerOutOfSampleLogLoss() {
        // The same bias all along: the past's offset helps the future.
        let steady = data((0..<600).map { (.choiceTerm, $0 % 2 == 0) })
        let kept = FormatCalibration.offsetSplit(w, on: steady)
        #expect(kept.kept)
        #expect(kept.with.logLoss < kept.without.logLoss)
        #expect(kept.without.count == 500)  // five test folds of 100
        #expect(abs(kept.without.logLoss - -(log(r) + log(1 - r)) / 2) < 1e-9)
    }

    @Test func offsetsAreNotKeptWhenThePastMisleads() {
        // Half forgotten in the first hundred, then always recalled: offsets fitted on the
        // past pull the future down and raise its log loss.
        let shifting = data((0..<600).map { (.choiceTerm, $0 >= 100 || $0 % 2 == 0) })
        let check = FormatCalibration.offsetSplit(w, on: shifting)
        #expect(!check.kept)
        #expect(check.with.logLoss > check.without.logLoss)
        #expect(abs(check.without.logLoss - -log(r)) < 1e-9)
        // Fitted on everything, the offset still lowers the predictions (more forgot than predicted).
        #expect((check.offsets[.choiceTerm] ?? 0) < 0)
    }

    @Test func aLogWithoutFormatsHasOneRowAndNoOffsets() {
        let unknown = data((0..<100).map { (nil, $0 % 3 != 0) })
        #expect(FormatCalibration.rows(w, on: unknown).map(\.format) == [nil])
        let check = FormatCalibration.offsetSplit(w, on: unknown)
        #expect(check.offsets.isEmpty)
        #expect(!check.kept)
    }
}

/// Kept offsets live in the settings, by format name; a file from before them reads none.
@Test func formatOffsetsDecodeWithADefaultAndRoundTrip() throws {
    let old = try JSONDecoder().decode(LearnerSettings.self, from: Data(#"{"desiredRetention":0.85}"#.utf8))
    #expect(old.formatOffsets == [:])
    #expect(old.desiredRetention == 0.85)
    var settings = LearnerSettings()
    settings.formatOffsets = ["choice-term": 0.75, "typed": -0.5, "from-a-newer-gloss": 1]
    let back = try JSONDecoder().decode(LearnerSettings.self, from: JSONEncoder().encode(settings))
    #expect(back == settings)
    #expect(back.offsetsByFormat == [.choiceTerm: 0.75, .typed: -0.5])
}
