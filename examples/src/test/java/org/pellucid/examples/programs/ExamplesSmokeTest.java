package org.pellucid.examples.programs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Every example program runs to the end on tiny data and saves and reloads its model. */
class ExamplesSmokeTest {
    interface Main {
        void run(String[] args) throws Exception;
    }

    static String capture(Main m) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            m.run(new String[] {"400"});
        } finally {
            System.setOut(old);
        }
        return buf.toString();
    }

    @Test
    void everyModuleHasARunningExample() throws Exception {
        Main[] mains = {TreeSurrogateExample::main, SparseExample::main, ConceptExample::main, AttentionExample::main,
                RulesExample::main, EvalExample::main};
        for (Main m : mains) {
            String out = capture(m);
            assertTrue(out.contains("loaded back: same prediction"), out);
        }
    }
}
